package dk.tvaers.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.tvaers.support.Route;
import dk.tvaers.web.FieldError;
import dk.tvaers.web.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The task form parser on its own, for the fields no HTTP walk reaches cheaply. */
class TaskFormParserTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void evaluationAndFollowUpValidateTheirFields() {
        assertThat(errors("evaluateInternship", Map.of("result", "ORDINARY_HOURS", "hoursPerWeek", 120)))
                .containsExactly("hoursPerWeek");
        assertThat(errors("evaluateInternship", Map.of("result", "JOB"))).containsExactly("hoursPerWeek");
        assertThat(errors("followUp", Map.of("progression", Map.of("MOTIVATION", 11, "LUCK", 5), "outcome", "CLOSE")))
                .containsExactlyInAnyOrder("progression.MOTIVATION", "progression.LUCK", "closeReason");
        assertThat(errors("followUp", Map.of("progression", Map.of(), "outcome", "CONTINUE", "closeReason", "JOB")))
                .containsExactlyInAnyOrder("progression", "closeReason");
        assertThat(errors("internshipMidwayReview", Map.of("note", 3))).containsExactlyInAnyOrder("heldOn", "note");
        assertThat(errors("followUp", Map.of("progression", Map.of("HEALTH", 5), "outcome", "CLOSE", "closeReason", "JOB")))
                .isEmpty();
    }

    static List<String> errors(String taskKey, Object body) {
        try {
            TaskForm.parse(taskKey, JSON.valueToTree(body), Route.today());
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }
}
