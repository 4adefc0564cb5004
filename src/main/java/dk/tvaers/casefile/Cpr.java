package dk.tvaers.casefile;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Pattern;

/**
 * A Danish CPR number. It is stored once, in the case file; everywhere else only {@link #masked()}
 * appears, and {@link #toString()} is masked too, so that a careless log line cannot leak it.
 */
public final class Cpr {

    private static final Pattern FORMAT = Pattern.compile("\\d{6}-?\\d{4}");

    private final String digits;
    private final LocalDate birthDate;

    private Cpr(String digits, LocalDate birthDate) {
        this.digits = digits;
        this.birthDate = birthDate;
    }

    /**
     * Parses ten digits, with or without a dash after the sixth.
     *
     * @throws IllegalArgumentException with a Danish message when the text is not a CPR number
     */
    public static Cpr parse(String text) {
        if (text == null || !FORMAT.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX)");
        }
        String digits = text.trim().replace("-", "");
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int yy = Integer.parseInt(digits.substring(4, 6));
        int seventh = digits.charAt(6) - '0';
        try {
            return new Cpr(digits, LocalDate.of(century(seventh, yy) + yy, month, day));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("CPR-nummerets første seks cifre er ikke en gyldig fødselsdato");
        }
    }

    /** The Danish century rule: the 7th digit and the two-digit year give the century. */
    private static int century(int seventh, int yy) {
        if (seventh <= 3) {
            return 1900;
        }
        if (seventh == 4 || seventh == 9) {
            return yy <= 36 ? 2000 : 1900;
        }
        return yy <= 57 ? 2000 : 1800;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public int ageOn(LocalDate date) {
        return age(birthDate, date);
    }

    /** Whole years from a birth date to a day: the one way Tværs counts a citizen's age. */
    public static int age(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    /** DDMMYY-****: the only form that leaves the case file. */
    public String masked() {
        return maskedFrom(digits);
    }

    /** Masks stored digits (all ten, or only the first six a list reads) without parsing them again. */
    public static String maskedFrom(String digits) {
        return digits.substring(0, 6) + "-****";
    }

    /** The ten digits, for storing in the case file and nowhere else. */
    String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cpr cpr && cpr.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
