package dk.tvaers.casefile;

/** No case with that id (or none the caller may see). */
public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(String caseId) {
        super("Sagen findes ikke: " + caseId);
    }
}
