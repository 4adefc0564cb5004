package dk.tvaers.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a JSON request field by field and collects one error per bad field, in Danish, so that a
 * request with several mistakes is answered with all of them at once and never with a 500.
 */
final class Input {

    private final List<FieldError> errors;
    private final String prefix;

    Input() {
        this("", new ArrayList<>());
    }

    private Input(String prefix, List<FieldError> errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("", "Forventer et JSON-objekt");
        }
        return body;
    }

    private String name(String field) {
        return prefix + field;
    }

    void add(String field, String message) {
        errors.add(new FieldError(name(field), message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    boolean hasErrorFor(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(name(field)));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Rejects fields the contract does not know. */
    void onlyFields(JsonNode node, String... allowed) {
        Set<String> known = Set.of(allowed);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!known.contains(field)) {
                add(field, "Ukendt felt");
            }
        }
    }

    /** The field's value, or null when it is absent (with the given error when it is required). */
    private JsonNode present(JsonNode node, String field, boolean required, String missing) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                add(field, missing);
            }
            return null;
        }
        return value;
    }

    String text(JsonNode node, String field, boolean required, int maxLength) {
        JsonNode value = present(node, field, required, "Skal udfyldes");
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            add(field, "Skal være en tekst");
            return null;
        }
        String text = value.asText().trim();
        if (required && text.isEmpty()) {
            add(field, "Skal udfyldes");
            return null;
        }
        if (text.length() > maxLength) {
            add(field, "Må højst være " + maxLength + " tegn");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    LocalDate date(JsonNode node, String field, boolean required) {
        String text = text(node, field, required, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            add(field, "Skal være en gyldig dato (ÅÅÅÅ-MM-DD)");
            return null;
        }
    }

    LocalDate dateNotAfter(JsonNode node, String field, boolean required, LocalDate today) {
        LocalDate date = date(node, field, required);
        if (date != null && date.isAfter(today)) {
            add(field, "Må ikke ligge i fremtiden");
            return null;
        }
        return date;
    }

    Boolean bool(JsonNode node, String field, boolean required) {
        JsonNode value = present(node, field, required, "Skal besvares med ja (true) eller nej (false)");
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            add(field, "Skal være ja (true) eller nej (false)");
            return null;
        }
        return value.booleanValue();
    }

    Integer integer(JsonNode node, String field, boolean required, int min, int max) {
        JsonNode value = present(node, field, required, "Skal udfyldes");
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            add(field, "Skal være et helt tal");
            return null;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            add(field, "Skal være mellem " + min + " og " + max);
            return null;
        }
        return number;
    }

    <E extends Enum<E>> E code(JsonNode node, String field, Class<E> type, boolean required) {
        String text = text(node, field, required, 100);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            add(field, "Ukendt værdi '" + text + "'; gyldige: " + allowed(type));
            return null;
        }
    }

    /** A text that must be one of the given words. */
    String word(JsonNode node, String field, boolean required, String... allowed) {
        String text = text(node, field, required, 100);
        if (text != null && !Arrays.asList(allowed).contains(text)) {
            add(field, "Ukendt værdi '" + text + "'; gyldige: " + String.join(", ", allowed));
            return null;
        }
        return text;
    }

    <E extends Enum<E>> Set<E> codes(JsonNode node, String field, Class<E> type, boolean required) {
        JsonNode value = present(node, field, required, "Skal udfyldes");
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            add(field, "Skal være en liste");
            return null;
        }
        Set<E> codes = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemField = field + "[" + i + "]";
            if (!item.isTextual()) {
                add(itemField, "Skal være en tekst");
                continue;
            }
            try {
                codes.add(Enum.valueOf(type, item.asText()));
            } catch (IllegalArgumentException e) {
                add(itemField, "Ukendt værdi '" + item.asText() + "'; gyldige: " + allowed(type));
            }
        }
        return codes;
    }

    /** A nested object's reader: its errors are this reader's, with the field path in front. */
    Input nested(String field) {
        return new Input(name(field) + ".", errors);
    }

    JsonNode objectField(JsonNode node, String field, boolean required) {
        JsonNode value = present(node, field, required, "Skal udfyldes");
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            add(field, "Skal være et objekt");
            return null;
        }
        return value;
    }

    JsonNode arrayField(JsonNode node, String field, boolean required) {
        JsonNode value = present(node, field, required, "Skal udfyldes");
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            add(field, "Skal være en liste");
            return null;
        }
        return value;
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
