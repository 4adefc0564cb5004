package dk.tvaers.api;

/** The request contradicts the state of the case (409). */
class ConflictException extends RuntimeException {
    ConflictException(String message) {
        super(message);
    }
}
