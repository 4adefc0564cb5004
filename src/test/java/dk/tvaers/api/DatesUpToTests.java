package dk.tvaers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The document's date patterns hold exactly the dates Input accepts: from 1900, and for "not after today" up to the day. */
class DatesUpToTests {

    @Test
    void matchesEveryValidDateUpToTheDayAndNothingElse() {
        for (LocalDate today : List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2024, 2, 29), LocalDate.of(2000, 1, 1),
                LocalDate.of(2100, 3, 1), LocalDate.of(2027, 1, 31))) {
            Pattern pattern = Pattern.compile(DatesUpTo.pattern(today));
            List<String> wrong = new ArrayList<>();
            for (LocalDate day = LocalDate.of(1580, 1, 1); day.isBefore(today.plusYears(2)); day = day.plusDays(1)) {
                boolean accepted = !day.isAfter(today) && day.getYear() >= 1900;
                if (pattern.matcher(day.toString()).matches() != accepted) {
                    wrong.add(day.toString());
                }
            }
            for (int year = 0; year < 1580; year += 7) {
                if (pattern.matcher(LocalDate.of(year, 3, 4).toString()).matches()) {
                    wrong.add(LocalDate.of(year, 3, 4).toString());
                }
            }
            assertThat(wrong).as("today " + today).isEmpty();
            for (String invalid : List.of("2023-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-1-01", "20250101", "")) {
                assertThat(pattern.matcher(invalid).matches()).as(invalid).isFalse();
            }
        }
        assertThat(Pattern.compile(DatesUpTo.pattern(LocalDate.of(2026, 12, 1))).matcher("2000-02-29").matches()).isTrue();
        assertThat(Pattern.compile(DatesUpTo.pattern(LocalDate.of(2026, 12, 1))).matcher("0427-01-08").matches()).isFalse();
    }

    @Test
    void anyDateOfACaseIsFrom1900To2099() {
        Pattern any = Pattern.compile(DatesUpTo.anyDate());
        List<String> wrong = new ArrayList<>();
        for (LocalDate day = LocalDate.of(1850, 1, 1); day.isBefore(LocalDate.of(2150, 1, 1)); day = day.plusDays(1)) {
            boolean accepted = day.getYear() >= 1900 && day.getYear() <= 2099;
            if (any.matcher(day.toString()).matches() != accepted) {
                wrong.add(day.toString());
            }
        }
        assertThat(wrong).isEmpty();
        for (int first = 1000; first < 9999; first += 37) {
            for (int last = first; last < Math.min(9999, first + 400); last += 13) {
                Pattern years = Pattern.compile("^(?:" + DatesUpTo.years(first, last) + ")$");
                for (int year = first - 20; year <= last + 20; year++) {
                    if (years.matcher(String.valueOf(year)).matches() != (year >= first && year <= last)) {
                        wrong.add(first + ".." + last + ": " + year);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void betweenTwoDaysIsExactlyThoseDays() {
        for (LocalDate first : List.of(LocalDate.of(2026, 12, 3), LocalDate.of(2027, 2, 28), LocalDate.of(2028, 2, 29), LocalDate.of(2026, 1, 1))) {
            for (LocalDate last : List.of(first, first.plusDays(20), first.plusYears(1), first.plusYears(3).plusDays(40))) {
                Pattern pattern = Pattern.compile(DatesUpTo.between(first, last));
                List<String> wrong = new ArrayList<>();
                for (LocalDate day = first.minusYears(1); day.isBefore(last.plusYears(1)); day = day.plusDays(1)) {
                    if (pattern.matcher(day.toString()).matches() == (day.isBefore(first) || day.isAfter(last))) {
                        wrong.add(day.toString());
                    }
                }
                assertThat(wrong).as(first + ".." + last).isEmpty();
                assertThat(pattern.matcher("2027-02-29").matches()).isFalse();
            }
        }
    }
}
