package dev.tributary.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void joinsLinesWithOneSpaceAndEscapesOtherControlCharacters() {
        assertThat(OneLine.of("ERROR: violates \"plausible\"\n  Detail: Failing row\r\n\tcontains (d-3)"))
                .isEqualTo("ERROR: violates \"plausible\" Detail: Failing row contains (d-3)");
        assertThat(OneLine.of("bell\u0007 and nul\u0000")).isEqualTo("bell\\u0007 and nul\\u0000");
        assertThat(OneLine.of("\n trailing \n")).isEqualTo("trailing");
    }

    @Test
    void quotesTheStartOfABodyAndSaysWhenItGoesOn() {
        assertThat(OneLine.ofBytes("short".getBytes(StandardCharsets.UTF_8), 10)).isEqualTo("short");
        assertThat(OneLine.ofBytes("0123456789abc".getBytes(StandardCharsets.UTF_8), 10)).isEqualTo("0123456789...");
        assertThat(OneLine.ofBytes("123456789é".getBytes(StandardCharsets.UTF_8), 10))
                .as("a character cut in two is left out").isEqualTo("123456789...");
    }
}
