package dev.tributary.ingest.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Record keys made from the levels a topic filter's wildcards matched. */
class KeyTemplateTest {

    @Test
    void aPlaceholderIsTheLevelMatchedByThatWildcard() {
        TopicFilter filter = TopicFilter.parse("site/+/devices/+/telemetry");
        List<String> levels = filter.match("site/berlin/devices/pump-7/telemetry").orElseThrow();

        assertThat(KeyTemplate.parse("{2}", 2).render(levels)).isEqualTo("pump-7");
        assertThat(KeyTemplate.parse("{1}", 2).render(levels)).isEqualTo("berlin");
        assertThat(KeyTemplate.parse("{1}/{2}", 2).render(levels)).isEqualTo("berlin/pump-7");
    }

    @Test
    void literalTextIsKeptAndALiteralKeyNeedsNoWildcard() {
        assertThat(KeyTemplate.parse("fleet-a", 0).render(List.of())).isEqualTo("fleet-a");
        assertThat(KeyTemplate.parse("dev-{1}-x", 1).render(List.of("7"))).isEqualTo("dev-7-x");
    }

    @Test
    void aMultiLevelWildcardGivesTheRestOfTheTopic() {
        List<String> levels = TopicFilter.parse("devices/#").match("devices/a/b").orElseThrow();

        assertThat(KeyTemplate.parse("{1}", 1).render(levels)).isEqualTo("a/b");
    }

    @Test
    void templatesThatCannotWorkAreRefusedSayingWhy() {
        assertThatThrownBy(() -> KeyTemplate.parse("{2}", 1)).hasMessageContaining("only 1 wildcard");
        assertThatThrownBy(() -> KeyTemplate.parse("{1}", 0)).hasMessageContaining("no wildcards");
        assertThatThrownBy(() -> KeyTemplate.parse("{device}", 1)).hasMessageContaining("placeholders are {1}, {2}");
        assertThatThrownBy(() -> KeyTemplate.parse("{0}", 1)).hasMessageContaining("placeholders are {1}, {2}");
        assertThatThrownBy(() -> KeyTemplate.parse("a}", 1)).hasMessageContaining("'}' without '{'");
        assertThatThrownBy(() -> KeyTemplate.parse("{1", 1)).hasMessageContaining("placeholders");
        assertThatThrownBy(() -> KeyTemplate.parse("", 1)).hasMessageContaining("leave the key out");
    }
}
