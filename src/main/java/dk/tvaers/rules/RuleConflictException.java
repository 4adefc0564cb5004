package dk.tvaers.rules;

/** Another change of the rules was stored at the same moment and took the version number; nothing of this one was stored. */
public class RuleConflictException extends RuntimeException {

    public RuleConflictException() {
        super("En anden ændrede reglerne i samme øjeblik; se den aktive version og prøv igen");
    }
}
