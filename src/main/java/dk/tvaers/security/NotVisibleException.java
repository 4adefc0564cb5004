package dk.tvaers.security;

/** The case exists but the caller may not see it: answered exactly like a case that does not exist. */
public class NotVisibleException extends RuntimeException {
    public NotVisibleException() {
        super("Sagen findes ikke");
    }
}
