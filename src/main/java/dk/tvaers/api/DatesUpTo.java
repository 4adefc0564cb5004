package dk.tvaers.api;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A regular expression for exactly the valid dates {@code YYYY-MM-DD} on or before a given day, so
 * the OpenAPI document can say "not after today" as a machine can read it ({@code Input.dateNotAfter}
 * is the rule; the document is served anew each time, with the day it is served on).
 */
final class DatesUpTo {

    /** Every month and day of a common year but 29 February. */
    private static final String COMMON_MONTH_DAY = "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
            + "|(?:0[13578]|1[02])-31)";

    private DatesUpTo() {
    }

    static String pattern(LocalDate today) {
        int year = today.getYear();
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("a four-digit year: " + today);
        }
        String thisYear = String.valueOf(year);
        List<String> alternatives = new ArrayList<>();
        alternatives.add("(?:" + below(thisYear) + ")-" + COMMON_MONTH_DAY);
        alternatives.add("(?:" + leapYearsBefore(year) + ")-02-29");
        for (int month = 1; month < today.getMonthValue(); month++) {
            alternatives.add(thisYear + "-" + two(month) + "-(?:" + daysUpTo(YearMonth.of(year, month).lengthOfMonth()) + ")");
        }
        alternatives.add(thisYear + "-" + two(today.getMonthValue()) + "-(?:" + daysUpTo(today.getDayOfMonth()) + ")");
        return "^(?:" + String.join("|", alternatives) + ")$";
    }

    /** The digit strings of the same length as {@code number} that are smaller than it. */
    private static String below(String number) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(i) - '0';
            if (digit > 0) {
                String rest = number.length() - i - 1 > 0 ? "[0-9]{" + (number.length() - i - 1) + "}" : "";
                alternatives.add(number.substring(0, i) + (digit == 1 ? "0" : "[0-" + (digit - 1) + "]") + rest);
            }
        }
        return String.join("|", alternatives);
    }

    /** The leap years from 0000 up to, not including, {@code year}. */
    private static String leapYearsBefore(int year) {
        int century = year / 100;
        List<String> alternatives = new ArrayList<>();
        if (century > 0) {
            alternatives.add("(?:" + below(two(century)) + ")(?:0[48]|[2468][048]|[13579][26])");
        }
        for (int c = 0; c <= century; c++) {
            if (c % 4 == 0 && c * 100 < year) {
                alternatives.add(two(c) + "00");
            }
        }
        for (int y = century * 100 + 1; y < year; y++) {
            if (Year.isLeap(y)) {
                alternatives.add(String.valueOf(y));
            }
        }
        return String.join("|", alternatives);
    }

    private static String daysUpTo(int last) {
        return IntStream.rangeClosed(1, last).mapToObj(DatesUpTo::two).collect(Collectors.joining("|"));
    }

    private static String two(int number) {
        return number < 10 ? "0" + number : String.valueOf(number);
    }
}
