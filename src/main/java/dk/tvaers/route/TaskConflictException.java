package dk.tvaers.route;

/** The task is held by someone else, or does not take this form. */
public class TaskConflictException extends RuntimeException {
    public TaskConflictException(String message) {
        super(message);
    }
}
