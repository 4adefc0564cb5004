package dk.tvaers.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.casefile.JourneyArgs;
import dk.tvaers.route.FormFields;
import dk.tvaers.route.TaskCompletion;
import dk.tvaers.web.Input;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The completion of a step a process owner added, one the product has no form of its own for: its
 * values read against the step's form fields in the BPMN ({@link FormFields}), one Danish error per
 * wrong field, handed to the process as variables of the field ids (a gateway after the step can
 * branch on them; a field left empty is null, never missing) and written to the case's journey.
 */
record GenericTaskForm(String taskKey, String name, List<FormFields.Field> fields, Map<String, Object> values) implements TaskCompletion {

    private static final DateTimeFormatter DANISH_DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

    /** Reads a body of the step's fields; {@code InvalidInputException} with every wrong field at once. */
    static GenericTaskForm parse(String taskKey, String name, List<FormFields.Field> fields, JsonNode body) {
        Input in = new Input();
        Input.object(body);
        in.onlyFields(body, fields.stream().map(FormFields.Field::id).toArray(String[]::new));
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormFields.Field field : fields) {
            values.put(field.id(), read(in, body, field));
        }
        in.throwIfAny();
        return new GenericTaskForm(taskKey, name, fields, Collections.unmodifiableMap(new HashMap<>(values)));
    }

    private static Object read(Input in, JsonNode body, FormFields.Field field) {
        String id = field.id();
        return switch (field.type()) {
            case STRING -> {
                String text = in.text(body, id, field.required(), field.maxLength() == null ? FormFields.TEXT_LIMIT : field.maxLength());
                if (text != null && field.minLength() != null && text.length() < field.minLength()) {
                    in.add(id, "tooShort", field.minLength());
                    yield null;
                }
                yield text;
            }
            case LONG -> in.whole(body, id, field.required(), field.min(), field.max());
            case BOOLEAN -> in.bool(body, id, field.required());
            case DATE -> in.date(body, id, field.required());
            case ENUM -> in.word(body, id, field.required(), field.values().keySet().toArray(String[]::new));
        };
    }

    public Map<String, Object> record(Context context) {
        Map<String, Object> variables = new HashMap<>();
        List<String> shown = new ArrayList<>();
        for (FormFields.Field field : fields) {
            Object value = values.get(field.id());
            variables.put(field.id(), value instanceof LocalDate day ? context.startOf(day) : value);
            if (value != null) {
                shown.add(field.title() + ": " + shown(field, value));
            }
        }
        context.caseFiles().note(context.caseId(), context.today(), "TASK_DONE", taskKey, JourneyArgs.text(name == null ? taskKey : name),
                JourneyArgs.number(shown.isEmpty() ? 0 : 1), JourneyArgs.text(String.join("; ", shown)));
        return variables;
    }

    /** A value as the journey shows it: a day in Danish, yes or no, an enum value by its name. */
    private static String shown(FormFields.Field field, Object value) {
        return switch (field.type()) {
            case DATE -> DANISH_DAY.format((LocalDate) value);
            case BOOLEAN -> (Boolean) value ? "ja" : "nej";
            case ENUM -> field.values().getOrDefault((String) value, (String) value);
            default -> String.valueOf(value);
        };
    }
}
