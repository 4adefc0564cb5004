package dk.tvaers.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CprTests {

    @ParameterizedTest
    @CsvSource({
            "0101071234, 1907-01-01", // 7th digit 1: 1900s (API.md's example CPR is 119 years old by this rule)
            "010107-4234, 2007-01-01", // 4 and year 07: 2000s
            "0101574234, 1957-01-01", // 4 and year 57: 1900s
            "0101365234, 2036-01-01", // 5 and year 36: 2000s
            "0101585234, 1858-01-01", // 5 and year 58: 1800s
            "2902049123, 2004-02-29", // 9 and year 04: 2000s, a leap day
            "3112999999, 1999-12-31"})
    void derivesTheBirthDateByTheCenturyRule(String cpr, LocalDate birthDate) {
        assertThat(Cpr.parse(cpr).birthDate()).isEqualTo(birthDate);
    }

    @Test
    void derivesTheAgeOnADay() {
        Cpr cpr = Cpr.parse("1506074321");
        assertThat(cpr.ageOn(LocalDate.of(2026, 6, 14))).isEqualTo(18);
        assertThat(cpr.ageOn(LocalDate.of(2026, 6, 15))).isEqualTo(19);
    }

    @ParameterizedTest
    @CsvSource({"3102071234", "0013071234", "2902051234", "000000-0000"})
    void rejectsANumberThatIsNotADate(String cpr) {
        assertThatThrownBy(() -> Cpr.parse(cpr)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fødselsdato");
    }

    @ParameterizedTest
    @CsvSource({"123", "01010712345", "0101-071234", "010107 1234", "abcdefghij", "''"})
    void rejectsWhatIsNotTenDigits(String cpr) {
        assertThatThrownBy(() -> Cpr.parse(cpr)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 cifre");
    }

    @Test
    void showsOnlyTheMaskedFormEvenInToString() {
        Cpr cpr = Cpr.parse("010107-1234");
        assertThat(cpr.masked()).isEqualTo("010107-****");
        assertThat(cpr.toString()).isEqualTo("010107-****").doesNotContain("1234");
    }
}
