package dk.tvaers.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The arguments of a journey line, each one string. A code, or a list of codes, is written
 * {@code @<kind>:<CODE>,<CODE>} and rendered through the bundle keys {@code <kind>.<CODE>} (a code
 * {@code X=7} as the name of X and 7); a number {@code #<n>}, so plurals read right; anything else
 * is the caller's text, as it is (one leading {@code @} or {@code #} escaped by another {@code @}).
 */
public final class JourneyArgs {

    private JourneyArgs() {
    }

    public static String code(String kind, Enum<?> code) {
        return "@" + kind + ":" + code.name();
    }

    /** Codes sorted by name, so a line reads the same whatever order they came in. */
    public static String codes(String kind, Collection<? extends Enum<?>> codes) {
        return "@" + kind + ":" + codes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** A day, shown in the reader's language. */
    public static String date(LocalDate day) {
        return "@date:" + day;
    }

    /** A day with its weekday, as a meeting is announced. */
    public static String weekday(LocalDate day) {
        return "@weekday:" + day;
    }

    public static String number(long number) {
        return "#" + number;
    }

    public static String text(String text) {
        String value = text == null ? "" : text.length() > 1000 ? text.substring(0, 1000) : text;
        return value.startsWith("@") || value.startsWith("#") ? "@" + value : value;
    }

    /** Stored as a JSON array of strings in {@code case_event.args}. */
    @Converter
    static final class Column implements AttributeConverter<List<String>, String> {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String convertToDatabaseColumn(List<String> args) {
            try {
                return args == null ? null : JSON.writeValueAsString(args);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            try {
                return column == null ? null : JSON.readValue(column, new TypeReference<List<String>>() {});
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("case_event.args is not a JSON list: " + e.getOriginalMessage(), e);
            }
        }
    }
}
