package dk.tvaers.web;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.casefile.CaseRuleException;
import dk.tvaers.casefile.Cpr;
import dk.tvaers.security.CprMasking;
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
 * Reads a JSON request field by field and collects one error per bad field, so that a
 * request with several mistakes is answered with all of them at once and never with a 500. The
 * texts are the bundle's {@code input.*} keys: Danish in the API, the page's language on a page.
 */
public final class Input {

    private final List<FieldError> errors;
    private final String prefix;

    /** The first and last years a date of a case can have (a referral, a consent, an agreement's deadline…). */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2099;

    /** Whether a date is within the years a date of a case can have (every date the API and the pages take). */
    public static boolean isDayOfACase(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    public Input() {
        this("", new ArrayList<>());
    }

    private Input(String prefix, List<FieldError> errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    public static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(FieldError.of("", "jsonObject"));
        }
        return body;
    }

    private String name(String field) {
        return prefix + field;
    }

    /** An error of the bundle code {@code input.<code>} with its arguments. */
    /** A rule of the case file broken by this request, as the error of its field. */
    public void add(CaseRuleException.Violation violation) {
        add(violation.field(), violation.code(), violation.args().toArray());
    }

    public void add(String field, String code, Object... args) {
        errors.add(FieldError.of(name(field), code, args));
    }

    /** An error whose text comes from elsewhere (already Danish), shown as it is. */
    void addText(String field, String message) {
        errors.add(new FieldError(name(field), message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasErrorFor(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(name(field)));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Rejects fields the contract does not know. */
    public void onlyFields(JsonNode node, String... allowed) {
        Set<String> known = Set.of(allowed);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!known.contains(field)) {
                add(field, "unknownField");
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

    /** Free text: trimmed, at most maxLength characters, and never a CPR number (it would be shown unmasked). */
    public String text(JsonNode node, String field, boolean required, int maxLength) {
        String text = plainText(node, field, required, maxLength);
        if (text != null && CprMasking.containsCpr(text)) {
            add(field, "cpr");
            return null;
        }
        return text;
    }

    /** A form field or query parameter read as {@link #text(JsonNode, String, boolean, int)} reads a JSON field. */
    public String text(String field, String value, boolean required, int maxLength) {
        return text(single(field, value), field, required, maxLength);
    }

    /** A form field or query parameter read as {@link #code(JsonNode, String, Class, boolean)} reads a JSON field. */
    public <E extends Enum<E>> E code(String field, String value, Class<E> type, boolean required) {
        return code(single(field, value), field, type, required);
    }

    private static JsonNode single(String field, String value) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put(field, value);
    }

    /** The citizen's CPR number: the one field where one belongs; its birth date not after today. */
    public String cpr(JsonNode node, String field, LocalDate today) {
        String text = plainText(node, field, true, 11);
        if (text == null) {
            return null;
        }
        try {
            if (Cpr.parse(text).birthDate().isAfter(today)) {
                // A valid number, but of someone not yet born: the century digit or the year is mistyped.
                add(field, "cprFuture");
                return null;
            }
            return text;
        } catch (IllegalArgumentException e) {
            addText(field, e.getMessage());
            return null;
        }
    }

    private String plainText(JsonNode node, String field, boolean required, int maxLength) {
        JsonNode value = present(node, field, required, "required");
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            add(field, "text");
            return null;
        }
        String text = value.asText().trim();
        if (required && text.isEmpty()) {
            add(field, "required");
            return null;
        }
        if (text.length() > maxLength) {
            add(field, "tooLong", maxLength);
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    public LocalDate date(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (!required && value != null && value.isTextual() && value.asText().isBlank()) {
            // An optional date is left out or null; an empty text is not a date.
            add(field, "date");
            return null;
        }
        String text = plainText(node, field, required, 10);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (!isDayOfACase(date)) {
                // "0427-01-08" is a date, but no day of a case: a typing error that would otherwise be stored.
                add(field, "dateRange", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            add(field, "date");
            return null;
        }
    }

    /** A query parameter or form field read as a date; left out or empty, none (an empty parameter counts as not given). */
    public LocalDate date(String field, String value) {
        return value == null || value.isBlank() ? null : date(single(field, value.trim()), field, false);
    }

    public LocalDate dateNotAfter(JsonNode node, String field, boolean required, LocalDate today) {
        LocalDate date = date(node, field, required);
        if (date != null && date.isAfter(today)) {
            add(field, "future");
            return null;
        }
        return date;
    }

    public Boolean bool(JsonNode node, String field, boolean required) {
        JsonNode value = present(node, field, required, "answerYesNo");
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            add(field, "yesNo");
            return null;
        }
        return value.booleanValue();
    }

    public Integer integer(JsonNode node, String field, boolean required, int min, int max) {
        JsonNode value = present(node, field, required, "required");
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            add(field, "integer");
            return null;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            add(field, "between", min, max);
            return null;
        }
        return number;
    }

    /** A whole number of any size a long holds, between min and max (null for no bound). */
    public Long whole(JsonNode node, String field, boolean required, Long min, Long max) {
        JsonNode value = present(node, field, required, "required");
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            add(field, "integer");
            return null;
        }
        long number = value.longValue();
        if ((min != null && number < min) || (max != null && number > max)) {
            if (min != null && max != null) {
                add(field, "between", min, max);
            } else {
                add(field, min != null ? "atLeast" : "atMost", min != null ? min : max);
            }
            return null;
        }
        return number;
    }

    public <E extends Enum<E>> E code(JsonNode node, String field, Class<E> type, boolean required) {
        String text = plainText(node, field, required, 100);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            add(field, "unknownValue", text, allowed(type));
            return null;
        }
    }

    /** A text that must be one of the given words. */
    public String word(JsonNode node, String field, boolean required, String... allowed) {
        String text = plainText(node, field, required, 100);
        if (text != null && !Arrays.asList(allowed).contains(text)) {
            add(field, "unknownValue", text, String.join(", ", allowed));
            return null;
        }
        return text;
    }

    public <E extends Enum<E>> Set<E> codes(JsonNode node, String field, Class<E> type, boolean required) {
        JsonNode value = present(node, field, required, "required");
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            add(field, "list");
            return null;
        }
        int vocabulary = type.getEnumConstants().length;
        if (value.size() > vocabulary) {
            // Longer than the vocabulary: at least one repeat, and no reason to read on.
            add(field, "tooMany", vocabulary);
            return null;
        }
        Set<E> codes = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemField = field + "[" + i + "]";
            if (!item.isTextual()) {
                add(itemField, "text");
                continue;
            }
            try {
                codes.add(Enum.valueOf(type, item.asText()));
            } catch (IllegalArgumentException e) {
                add(itemField, "unknownValue", item.asText(), allowed(type));
            }
        }
        return codes;
    }

    /** A nested object's reader: its errors are this reader's, with the field path in front. */
    public Input nested(String field) {
        return new Input(name(field) + ".", errors);
    }

    public JsonNode objectField(JsonNode node, String field, boolean required) {
        JsonNode value = present(node, field, required, "required");
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            add(field, "object");
            return null;
        }
        return value;
    }

    /** A list of at most maxItems items. */
    public JsonNode arrayField(JsonNode node, String field, boolean required, int maxItems) {
        JsonNode value = present(node, field, required, "required");
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            add(field, "list");
            return null;
        }
        if (value.size() > maxItems) {
            add(field, "tooMany", maxItems);
            return null;
        }
        return value;
    }

    /** The words of a vocabulary, as an error message lists them. */
    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The constant of that name, or null: for a vocabulary used as the names of an object's fields. */
    public static <E extends Enum<E>> E constant(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
