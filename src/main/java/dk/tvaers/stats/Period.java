package dk.tvaers.stats;

import dk.tvaers.casefile.Department;
import dk.tvaers.web.Input;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * What the figures are about: the days from {@code from} to {@code to}, both included, and optionally
 * only the cases a department takes part in. Left out, the period is the last twelve months up to today.
 */
public record Period(LocalDate from, LocalDate to, @Schema(nullable = true) Department department) {

    /** The first and the last year a period may touch: no case of the route is older, and a typo (20226) is caught. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    /** Exactly the valid days of the years 2000–2099, as the OpenAPI document says them (2000 is a leap year, 2100 would not be). */
    public static final String DAY_PATTERN = "^(?:20[0-9]{2}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
            + "|(?:0[13578]|1[02])-31)|20(?:[02468][048]|[13579][26])-02-29)$";

    /** The period of the query parameters {@code from}, {@code to} and {@code department}; every wrong one refused at once (400). */
    public static Period parse(String from, String to, String department, LocalDate today) {
        Input in = new Input();
        LocalDate fromDay = in.date("from", from);
        LocalDate toDay = in.date("to", to);
        Department only = department == null || department.isBlank() ? null : in.code("department", department.trim(), Department.class, false);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            in.add("to", "endBeforeStart");
        }
        for (String field : new String[] {"from", "to"}) {
            LocalDate day = field.equals("from") ? fromDay : toDay;
            if (day != null && (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR)) {
                in.add(field, "yearOutOfRange", FIRST_YEAR, LAST_YEAR);
            }
        }
        in.throwIfAny();
        LocalDate end = toDay != null ? toDay : fromDay != null && fromDay.isAfter(today) ? fromDay : today;
        LocalDate start = fromDay != null ? fromDay : end.minusYears(1).plusDays(1);
        return new Period(start, end, only);
    }
}
