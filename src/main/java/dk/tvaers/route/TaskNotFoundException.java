package dk.tvaers.route;

/** No open task with that id. */
public class TaskNotFoundException extends RuntimeException {
    public TaskNotFoundException(String taskId) {
        super("Opgaven findes ikke eller er afsluttet: " + taskId);
    }
}
