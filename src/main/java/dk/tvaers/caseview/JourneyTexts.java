package dk.tvaers.caseview;

import dk.tvaers.casefile.JourneyEntry;
import dk.tvaers.web.Texts;
import java.time.LocalDate;
import java.util.Arrays;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.stream.Collectors;
import org.springframework.context.NoSuchMessageException;

/**
 * A journey line in the reader's language: the bundle key {@code journey.<type>.<subject>} where the
 * subject picks its own wording, else {@code journey.<type>}, with the line's arguments decoded as
 * {@code JourneyArgs} wrote them (codes through their bundle keys, numbers as numbers for the plurals,
 * days with the bundle's {@code journey.date} or {@code journey.weekday} pattern). A line from before the journey was data is shown as it was stored.
 */
public final class JourneyTexts {

    private JourneyTexts() {
    }

    public static String text(JourneyEntry entry, Texts texts) {
        if (entry.isForgotten()) {
            return texts.get("journey.forgotten");
        }
        if (entry.legacyText().isPresent()) {
            return entry.legacyText().get();
        }
        Object[] args = entry.args().stream().map(arg -> argument(arg, texts)).toArray();
        if (entry.subject().isPresent()) {
            try {
                return texts.get("journey." + entry.type() + "." + entry.subject().get(), args);
            } catch (NoSuchMessageException | MissingResourceException e) {
                // The subject has no wording of its own: the type's.
            }
        }
        return texts.get("journey." + entry.type(), args);
    }

    private static Object argument(String arg, Texts texts) {
        if (arg.startsWith("@@") || arg.startsWith("@#")) {
            return arg.substring(1);
        }
        if (arg.startsWith("#")) {
            return Long.parseLong(arg.substring(1));
        }
        if (arg.startsWith("@")) {
            int colon = arg.indexOf(':');
            String kind = arg.substring(1, colon);
            String codes = arg.substring(colon + 1);
            if (kind.equals("date") || kind.equals("weekday")) {
                // A day has no zone: formatted as a day, with the bundle's own pattern and language.
                Locale language = Locale.forLanguageTag(texts.get("journey.language"));
                return DateTimeFormatter.ofPattern(texts.get("journey." + kind), language).format(LocalDate.parse(codes));
            }
            if (codes.isEmpty()) {
                return texts.get("journey.none");
            }
            return Arrays.stream(codes.split(",")).map(code -> name(kind, code, texts)).collect(Collectors.joining(", "));
        }
        return arg;
    }

    /** A code's name; {@code X=7} (a score) as the name of X and 7. */
    private static String name(String kind, String code, Texts texts) {
        int equals = code.indexOf('=');
        return equals < 0 ? texts.get(kind + "." + code) : texts.get(kind + "." + code.substring(0, equals)) + " " + code.substring(equals + 1);
    }
}
