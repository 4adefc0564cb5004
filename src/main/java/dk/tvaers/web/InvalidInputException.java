package dk.tvaers.web;

import java.util.List;

/** A request with one or more invalid fields: answered 400 with one error per field. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("Ugyldigt input: " + errors.size() + " fejl");
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
