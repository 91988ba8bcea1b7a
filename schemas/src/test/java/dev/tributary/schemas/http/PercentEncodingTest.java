package dev.tributary.schemas.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void leavesPrintableAsciiAsItIs() {
        assertThat(PercentEncoding.encode("/shop/checkout?x=1&y=[a,b]~"))
                .isEqualTo("/shop/checkout?x=1&y=[a,b]~");
    }

    @Test
    void encodesSpaceQuotePercentControlAndNonAsciiCharactersAsUtf8Bytes() {
        assertThat(PercentEncoding.encode("Jörg \"50%\" off\n")).isEqualTo("J%C3%B6rg%20%2250%25%22%20off%0A");
    }

    @Test
    void encodesRawBytesByteForByte() {
        assertThat(PercentEncoding.encode(new byte[] {0x00, 'a', (byte) 0xff})).isEqualTo("%00a%FF");
    }

    @Test
    void decodingUndoesEncoding() {
        String text = "Jörg \"50%\" off ✓";
        assertThat(PercentEncoding.decode(PercentEncoding.encode(text))).isEqualTo(text);
        assertThat(PercentEncoding.decode("caf%c3%a9")).as("lowercase hex digits").isEqualTo("café");
    }

    @Test
    void decodingRejectsAPercentWithoutTwoHexDigits() {
        assertThatThrownBy(() -> PercentEncoding.decode("50% off"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'%' at index 2 is not followed by two hexadecimal digits");
        assertThatThrownBy(() -> PercentEncoding.decode("end%4")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodingRejectsBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> PercentEncoding.decode("%FF"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not UTF-8");
    }
}
