package dk.tvaers.api;

import java.util.List;

/** A request with one or more invalid fields: answered 400 with one error per field. */
class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    InvalidInputException(List<FieldError> errors) {
        super("Ugyldigt input: " + errors.size() + " fejl");
        this.errors = List.copyOf(errors);
    }

    InvalidInputException(FieldError error) {
        this(List.of(error));
    }

    List<FieldError> errors() {
        return errors;
    }
}
