package dk.tvaers.api;

/** The case exists but the caller may not see it: answered exactly like a case that does not exist. */
class NotVisibleException extends RuntimeException {
    NotVisibleException() {
        super("Sagen findes ikke");
    }
}
