package dk.tvaers.web;

/** The request contradicts the state of the case (409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
