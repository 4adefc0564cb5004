package dk.tvaers.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dk.tvaers.security.CprMasking;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.NoSuchMessageException;

/**
 * One thing wrong with one field of a request. The API answers with the Danish {@code message};
 * a page shows the same error in its own language from {@code code} and {@code args} (the bundle
 * key {@code input.<code>}), which the API's JSON leaves out.
 */
public record FieldError(String field, String message, @JsonIgnore String code, @JsonIgnore List<String> args) {

    /** The longest piece of a caller's input an error repeats. */
    static final int MAX_ECHO = 60;

    /** Nothing CPR-like is repeated back, wherever in the request it came from (a field name, a value). */
    public FieldError {
        field = echo(field);
        message = CprMasking.mask(message);
        args = args == null ? List.of() : args.stream().map(FieldError::echo).toList();
    }

    private static String echo(String text) {
        if (text == null) {
            return null;
        }
        String masked = CprMasking.mask(text);
        return masked.length() > MAX_ECHO ? masked.substring(0, MAX_ECHO) + "…" : masked;
    }

    /** An error whose text comes from elsewhere and is shown as it is in every language. */
    public FieldError(String field, String message) {
        this(field, message, null, List.of());
    }

    /** An error of a bundle code: the message is the Danish text. */
    public static FieldError of(String field, String code, Object... args) {
        List<String> texts = Arrays.stream(args).map(String::valueOf).map(FieldError::echo).toList();
        return new FieldError(field, Texts.DANISH.get(key(code), texts.toArray()), code, texts);
    }

    /**
     * The message in the language of the given page: the key {@code input.<code>.page} where the
     * API's wording would puzzle a page's user (a yes/no question is not "true or false" there),
     * else {@code input.<code>}.
     */
    public String message(Texts texts) {
        if (code == null) {
            return message;
        }
        try {
            return texts.get(key(code) + ".page", args.toArray());
        } catch (NoSuchMessageException e) {
            return texts.get(key(code), args.toArray());
        }
    }

    private static String key(String code) {
        return "input." + code;
    }
}
