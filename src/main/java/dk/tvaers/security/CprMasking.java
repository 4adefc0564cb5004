package dk.tvaers.security;

import java.util.regex.Pattern;

/**
 * Turns anything that looks like a CPR number into DDMMYY-****, and tells free text that holds one, so
 * that a CPR number typed into a note is refused instead of being shown unmasked on every page that
 * shows the note. A CPR number is ten digits; after the first six people write a dash, a space, a
 * dash between spaces, or a typographic dash (a word processor turns "-" into "–").
 */
public final class CprMasking {

    private static final Pattern CPR_LIKE = Pattern.compile(
            "(?<![0-9])([0-9]{6})(?: ?[-\u2010\u2011\u2012\u2013] ?| )?[0-9]{4}(?![0-9])");

    private CprMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 10) {
            return text;
        }
        return CPR_LIKE.matcher(text).replaceAll("$1-****");
    }

    /** True when the text holds a CPR-like number whose first four digits read as a day and a month. */
    public static boolean containsCpr(String text) {
        if (text == null || text.length() < 10) {
            return false;
        }
        return CPR_LIKE.matcher(text).results().anyMatch(m -> {
            int day = Integer.parseInt(m.group(1).substring(0, 2));
            int month = Integer.parseInt(m.group(1).substring(2, 4));
            return day >= 1 && day <= 31 && month >= 1 && month <= 12;
        });
    }
}
