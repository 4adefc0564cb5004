package dk.tvaers.api;

import dk.tvaers.web.Input;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A regular expression for exactly the valid dates {@code YYYY-MM-DD} from 1 January of {@link Input#FIRST_YEAR} to a
 * given day, so the OpenAPI document says as a machine can read it which dates the API takes: "not after today"
 * ({@code Input.dateNotAfter}; the document is served anew each day with the day it is served on), and for any
 * other date of a case the years Input accepts (up to {@link Input#LAST_YEAR}).
 */
final class DatesUpTo {

    /** Every month and day of a common year but 29 February. */
    private static final String COMMON_MONTH_DAY = "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
            + "|(?:0[13578]|1[02])-31)";

    private DatesUpTo() {
    }

    /** The dates from {@link Input#FIRST_YEAR} up to and including {@code last}. */
    static String pattern(LocalDate last) {
        return between(LocalDate.of(Input.FIRST_YEAR, 1, 1), last);
    }

    /** Any date a case can hold: from {@link Input#FIRST_YEAR} to the end of {@link Input#LAST_YEAR}. */
    static String anyDate() {
        return pattern(LocalDate.of(Input.LAST_YEAR, 12, 31));
    }

    /**
     * The dates from {@code first} to {@code last}, both included: the whole years between them as year ranges with
     * every month and day (29 February of their leap years apart), a year begun or ended part-way month by month.
     */
    static String between(LocalDate first, LocalDate last) {
        if (last.isBefore(first) || last.getYear() > 9999) {
            throw new IllegalArgumentException(first + ".." + last);
        }
        int firstWhole = first.getDayOfYear() == 1 ? first.getYear() : first.getYear() + 1;
        int lastWhole = last.getDayOfYear() == last.lengthOfYear() ? last.getYear() : last.getYear() - 1;
        List<String> alternatives = new ArrayList<>();
        if (firstWhole > lastWhole && first.getYear() == last.getYear()) {
            alternatives.addAll(daysOfYear(first, last));
        } else {
            if (first.getYear() < firstWhole) {
                alternatives.addAll(daysOfYear(first, LocalDate.of(first.getYear(), 12, 31)));
            }
            if (firstWhole <= lastWhole) {
                alternatives.add("(?:" + years(firstWhole, lastWhole) + ")-" + COMMON_MONTH_DAY);
                String leap = IntStream.rangeClosed(firstWhole, lastWhole).filter(Year::isLeap).mapToObj(String::valueOf)
                        .collect(Collectors.joining("|"));
                if (!leap.isEmpty()) {
                    alternatives.add("(?:" + leap + ")-02-29");
                }
            }
            if (last.getYear() > lastWhole) {
                alternatives.addAll(daysOfYear(LocalDate.of(last.getYear(), 1, 1), last));
            }
        }
        return "^(?:" + String.join("|", alternatives) + ")$";
    }

    /** The days from {@code first} to {@code last} of one year, month by month. */
    private static List<String> daysOfYear(LocalDate first, LocalDate last) {
        List<String> months = new ArrayList<>();
        for (int month = first.getMonthValue(); month <= last.getMonthValue(); month++) {
            int from = month == first.getMonthValue() ? first.getDayOfMonth() : 1;
            int to = month == last.getMonthValue() ? last.getDayOfMonth() : YearMonth.of(first.getYear(), month).lengthOfMonth();
            months.add(first.getYear() + "-" + two(month) + "-(?:" + IntStream.rangeClosed(from, to).mapToObj(DatesUpTo::two)
                    .collect(Collectors.joining("|")) + ")");
        }
        return months;
    }

    /** The four-digit years from {@code first} to {@code last}, both included, as alternatives of digit ranges. */
    static String years(int first, int last) {
        return range(String.valueOf(first), String.valueOf(last));
    }

    /** Digit strings of one length from {@code lo} to {@code hi}, both included. */
    private static String range(String lo, String hi) {
        int rest = lo.length() - 1;
        char a = lo.charAt(0);
        char b = hi.charAt(0);
        if (rest == 0) {
            return a == b ? String.valueOf(a) : "[" + a + "-" + b + "]";
        }
        String loRest = lo.substring(1);
        String hiRest = hi.substring(1);
        if (a == b) {
            return a + "(?:" + range(loRest, hiRest) + ")";
        }
        if (loRest.equals("0".repeat(rest)) && hiRest.equals("9".repeat(rest))) {
            return "[" + a + "-" + b + "][0-9]{" + rest + "}";
        }
        List<String> alternatives = new ArrayList<>();
        alternatives.add(a + "(?:" + range(loRest, "9".repeat(rest)) + ")");
        if (b - a > 1) {
            alternatives.add("[" + (char) (a + 1) + "-" + (char) (b - 1) + "][0-9]{" + rest + "}");
        }
        alternatives.add(b + "(?:" + range("0".repeat(rest), hiRest) + ")");
        return String.join("|", alternatives);
    }

    private static String two(int number) {
        return number < 10 ? "0" + number : String.valueOf(number);
    }
}
