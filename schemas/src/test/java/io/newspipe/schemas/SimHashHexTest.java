package io.newspipe.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimHashHexTest {

    @Test
    void shouldWriteSixteenLowerCaseDigitsForEveryValue() {
        assertThat(SimHashHex.format(0L)).isEqualTo("0000000000000000");
        assertThat(SimHashHex.format(0xABL)).isEqualTo("00000000000000ab");
        assertThat(SimHashHex.format(-1L)).isEqualTo("ffffffffffffffff");
        assertThat(SimHashHex.format(Long.MIN_VALUE)).isEqualTo("8000000000000000");
    }

    @Test
    void shouldReadBackTheSameBits() {
        for (long value : new long[] {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0xF3A10C5E9B2744D8L}) {
            assertThat(SimHashHex.parse(SimHashHex.format(value))).isEqualTo(value);
        }
        assertThat(SimHashHex.parse("F3A10C5E9B2744D8")).isEqualTo(0xF3A10C5E9B2744D8L);
        assertThat(SimHashHex.parse(null)).isNull();
    }

    @Test
    void shouldRefuseAnythingButSixteenHexDigits() {
        assertThatThrownBy(() -> SimHashHex.parse("abc")).hasMessageContaining("16 hex digits");
        assertThatThrownBy(() -> SimHashHex.parse("+123456789abcdef")).hasMessageContaining("16 hex digits");
        assertThatThrownBy(() -> SimHashHex.parse("0123456789abcdeg")).hasMessageContaining("16 hex digits");
    }
}
