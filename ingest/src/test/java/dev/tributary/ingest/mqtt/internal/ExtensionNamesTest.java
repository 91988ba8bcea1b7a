package dev.tributary.ingest.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How MQTT 5 user property names become CloudEvents extension names. */
class ExtensionNamesTest {

    @Test
    void namesAreLowercasedAndKeepOnlyAsciiLettersAndDigits() {
        assertThat(ExtensionNames.sanitize("Device-Type")).contains("devicetype");
        assertThat(ExtensionNames.sanitize("fw_version 2")).contains("fwversion2");
        assertThat(ExtensionNames.sanitize("Zählerstand")).contains("zhlerstand");
    }

    @Test
    void aNameWithNothingLeftIsDropped() {
        assertThat(ExtensionNames.sanitize("--")).isEmpty();
        assertThat(ExtensionNames.extensions(List.of(new UserProperty("ü", "x"), new UserProperty("ok", "y"))))
                .containsExactly(java.util.Map.entry("ok", "y"));
    }

    @Test
    void namesOfAttributesGetAPrefix() {
        assertThat(ExtensionNames.sanitize("type")).contains("mqtttype");
        assertThat(ExtensionNames.sanitize("Partition-Key")).contains("mqttpartitionkey");
        assertThat(ExtensionNames.sanitize("invalid_reason")).contains("mqttinvalidreason");
    }

    @Test
    void repeatedNamesJoinTheirValuesInOrder() {
        assertThat(ExtensionNames.extensions(List.of(new UserProperty("tag", "a"), new UserProperty("Tag", "b"),
                new UserProperty("other", "c"))))
                .containsExactly(java.util.Map.entry("tag", "a,b"), java.util.Map.entry("other", "c"));
    }

    @Test
    void aCeIdPropertyIsTheEventIdAndNoExtension() {
        List<UserProperty> properties = List.of(new UserProperty("ce-id", "reading-42"), new UserProperty("site", "b"));

        assertThat(ExtensionNames.eventId(properties)).contains("reading-42");
        assertThat(ExtensionNames.eventId(List.of(new UserProperty("CE_ID", " ")))).as("blank ids are ignored").isEmpty();
        assertThat(ExtensionNames.extensions(properties)).containsOnlyKeys("site");
    }
}
