package dev.tributary.bench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordLayoutTest {

    @Test
    void keysReadBackAsTheirNumber() {
        assertThat(new String(RecordLayout.key(42), StandardCharsets.US_ASCII)).isEqualTo("device-00042");
        assertThat(RecordLayout.keyId(RecordLayout.key(9_999))).isEqualTo(9_999);
    }

    @Test
    void decimalHeadersReadBackAsTheirValue() {
        assertThat(RecordLayout.parseDecimal(RecordLayout.decimal(1_795_447_167_611_251L))).isEqualTo(1_795_447_167_611_251L);
        assertThat(RecordLayout.parseDecimal(RecordLayout.decimal(0))).isZero();
    }

    @Test
    void somethingElseIsRejected() {
        assertThatThrownBy(() -> RecordLayout.parseDecimal("12a".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordLayout.keyId("other".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordLayout.parseDecimal(null)).hasMessageContaining("missing");
    }
}
