package dev.tributary.ingest.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MQTT topic filter matching and what the wildcards capture. */
class TopicFilterTest {

    @Test
    void aSingleLevelWildcardMatchesExactlyOneLevelAndCapturesIt() {
        TopicFilter filter = TopicFilter.parse("devices/+/telemetry");

        assertThat(filter.match("devices/pump-7/telemetry")).contains(List.of("pump-7"));
        assertThat(filter.match("devices/telemetry")).isEmpty();
        assertThat(filter.match("devices/a/b/telemetry")).isEmpty();
        assertThat(filter.match("devices/pump-7/status")).isEmpty();
        assertThat(filter.match("devices//telemetry")).as("a level may be empty").contains(List.of(""));
    }

    @Test
    void aMultiLevelWildcardMatchesTheParentAndEveryLevelBelowIt() {
        TopicFilter filter = TopicFilter.parse("site/+/#");

        assertThat(filter.match("site/berlin/hall-1/sensor-3")).contains(List.of("berlin", "hall-1/sensor-3"));
        assertThat(filter.match("site/berlin")).as("# also matches the parent level").contains(List.of("berlin", ""));
        assertThat(filter.match("site")).isEmpty();
        assertThat(TopicFilter.parse("#").match("a/b")).contains(List.of("a/b"));
    }

    @Test
    void literalFiltersMatchOnlyTheSameTopic() {
        TopicFilter filter = TopicFilter.parse("plant/line-1");

        assertThat(filter.matches("plant/line-1")).isTrue();
        assertThat(filter.matches("plant/line-1/")).isFalse();
        assertThat(filter.matches("Plant/line-1")).as("topics are case-sensitive").isFalse();
        assertThat(filter.wildcards()).isZero();
    }

    @Test
    void topicsStartingWithDollarAreNotMatchedByALeadingWildcard() {
        assertThat(TopicFilter.parse("#").matches("$SYS/broker/uptime")).isFalse();
        assertThat(TopicFilter.parse("+/broker/uptime").matches("$SYS/broker/uptime")).isFalse();
        assertThat(TopicFilter.parse("$SYS/#").matches("$SYS/broker/uptime")).isTrue();
    }

    @Test
    void malformedFiltersAreRefusedSayingWhatIsAllowed() {
        assertThatThrownBy(() -> TopicFilter.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TopicFilter.parse("devices/#/telemetry")).hasMessageContaining("last one");
        assertThatThrownBy(() -> TopicFilter.parse("devices/pump#")).hasMessageContaining("whole level");
        assertThatThrownBy(() -> TopicFilter.parse("devices/pump+/x")).hasMessageContaining("'+' must be a whole level");
        assertThatThrownBy(() -> TopicFilter.parse("$share/g/devices/#")).hasMessageContaining("group");
    }

    @Test
    void filtersOverlapWhenSomeTopicMatchesBoth() {
        assertThat(overlap("devices/+/telemetry", "devices/pump-7/#")).isTrue();
        assertThat(overlap("devices/+/telemetry", "devices/+/status")).isFalse();
        assertThat(overlap("site/#", "site")).isTrue();
        assertThat(overlap("site/+", "site")).isFalse();
        assertThat(overlap("a/b", "a/b/c")).isFalse();
        assertThat(overlap("#", "anything/at/all")).isTrue();
    }

    private static boolean overlap(String a, String b) {
        return TopicFilter.parse(a).overlaps(TopicFilter.parse(b)) && TopicFilter.parse(b).overlaps(TopicFilter.parse(a));
    }
}
