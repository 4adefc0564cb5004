package dk.tvaers.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Day arithmetic for rule files ({@code import function dk.tvaers.rules.Days.between}). */
public final class Days {

    private Days() {
    }

    public static long between(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    public static LocalDate plus(LocalDate date, long days) {
        return date.plusDays(days);
    }

    /** The first day an alarm holds when it counts from {@code start} with a threshold of N days. */
    public static LocalDate firstDayOver(LocalDate start, int thresholdDays) {
        return start.plusDays(thresholdDays + 1L);
    }
}
