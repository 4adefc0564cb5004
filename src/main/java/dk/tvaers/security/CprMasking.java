package dk.tvaers.security;

import java.util.regex.Pattern;

/** Turns anything that looks like a CPR number (ten digits, a dash allowed after six) into DDMMYY-****. */
public final class CprMasking {

    private static final Pattern CPR_LIKE = Pattern.compile("(?<![0-9])([0-9]{6})-?[0-9]{4}(?![0-9])");

    private CprMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 10) {
            return text;
        }
        return CPR_LIKE.matcher(text).replaceAll("$1-****");
    }
}
