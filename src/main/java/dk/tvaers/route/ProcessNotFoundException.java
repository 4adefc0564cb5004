package dk.tvaers.route;

/** No process definition has this id. */
public class ProcessNotFoundException extends RuntimeException {

    public ProcessNotFoundException(String definitionId) {
        super("Processen findes ikke");
    }
}
