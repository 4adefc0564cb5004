package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CprMaskingTests {

    @Test
    void masksEveryCprLikeNumber() {
        assertThat(CprMasking.mask("CPR 0101074234 og 010107-4234.")).isEqualTo("CPR 010107-**** og 010107-****.");
        assertThat(CprMasking.mask("id=1234567890")).isEqualTo("id=123456-****");
    }

    @Test
    void leavesOtherNumbersAlone() {
        assertThat(CprMasking.mask("sag 12345 på 2026-11-22, 123456789012 ms")).isEqualTo("sag 12345 på 2026-11-22, 123456789012 ms");
        assertThat(CprMasking.mask(null)).isNull();
    }
}
