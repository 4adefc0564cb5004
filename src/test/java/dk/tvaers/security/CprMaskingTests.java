package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CprMaskingTests {

    @Test
    void masksEveryCprLikeNumber() {
        assertThat(CprMasking.mask("CPR 0101074234 og 010107-4234.")).isEqualTo("CPR 010107-**** og 010107-****.");
        assertThat(CprMasking.mask("id=1234567890")).isEqualTo("id=123456-****");
        assertThat(CprMasking.mask("0101074234, 010107 4234, 010107 - 4234 og 010107\u20134234"))
                .isEqualTo("010107-****, 010107-****, 010107-**** og 010107-****");
    }

    @Test
    void leavesOtherNumbersAlone() {
        assertThat(CprMasking.mask("sag 12345 på 2026-11-22, 123456789012 ms")).isEqualTo("sag 12345 på 2026-11-22, 123456789012 ms");
        assertThat(CprMasking.mask(null)).isNull();
    }

    @Test
    void findsACprNumberInFreeText() {
        assertThat(CprMasking.containsCpr("Borgeren (0101074234) ringede")).isTrue();
        assertThat(CprMasking.containsCpr("cpr 311299-1234.")).isTrue();
        assertThat(CprMasking.containsCpr("cpr 311299 1234")).isTrue();
        assertThat(CprMasking.containsCpr("cpr 311299 \u2013 1234")).isTrue();
        // Phone numbers, dates, long ids and ten digits that cannot start with a birth date are not refused.
        assertThat(CprMasking.containsCpr("Ring 12345678 den 2026-11-22, sag 123456789012")).isFalse();
        assertThat(CprMasking.containsCpr("konto 4567890123")).isFalse();
        assertThat(CprMasking.containsCpr("0113074234")).isFalse();
        assertThat(CprMasking.containsCpr("tlf. 31 12 99 12, kl. 10-12, år 2026 1234 kr.")).isFalse();
        assertThat(CprMasking.containsCpr(null)).isFalse();
    }
}
