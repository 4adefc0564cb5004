package dk.tvaers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The document's "not after today" pattern holds exactly the dates Input.dateNotAfter accepts. */
class DatesUpToTests {

    @Test
    void matchesEveryValidDateUpToTheDayAndNothingElse() {
        for (LocalDate today : List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2024, 2, 29), LocalDate.of(2000, 1, 1),
                LocalDate.of(2100, 3, 1), LocalDate.of(2027, 1, 31))) {
            Pattern pattern = Pattern.compile(DatesUpTo.pattern(today));
            List<String> wrong = new ArrayList<>();
            for (LocalDate day = LocalDate.of(1580, 1, 1); day.isBefore(today.plusYears(2)); day = day.plusDays(1)) {
                if (pattern.matcher(day.toString()).matches() == day.isAfter(today)) {
                    wrong.add(day.toString());
                }
            }
            for (int year = 0; year < 1580; year += 7) {
                if (!pattern.matcher(LocalDate.of(year, 3, 4).toString()).matches()) {
                    wrong.add(LocalDate.of(year, 3, 4).toString());
                }
            }
            assertThat(wrong).as("today " + today).isEmpty();
            for (String invalid : List.of("2023-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-1-01", "20250101", "")) {
                assertThat(pattern.matcher(invalid).matches()).as(invalid).isFalse();
            }
        }
        assertThat(Pattern.compile(DatesUpTo.pattern(LocalDate.of(2026, 12, 1))).matcher("2000-02-29").matches()).isTrue();
    }
}
