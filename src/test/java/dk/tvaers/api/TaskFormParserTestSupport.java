package dk.tvaers.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.support.Route;
import java.util.List;

/** Runs the task form parser directly, for the fields no HTTP walk reaches cheaply. */
final class TaskFormParserTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> errors(String taskKey, Object body) {
        try {
            TaskFormParser.parse(taskKey, JSON.valueToTree(body), Route.today());
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    private TaskFormParserTestSupport() {
    }
}
