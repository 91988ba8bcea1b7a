package dev.tributary.connectors.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.mqtt.internal.TopicTemplate.InvalidTopicException;
import dev.tributary.sdk.TestEvent;
import org.junit.jupiter.api.Test;

/** Topic templates: checked when the sink starts, filled in and checked again for each event. */
class TopicTemplateTest {

    private static TestEvent.Builder<byte[]> event() {
        return TestEvent.builder(new byte[0]).type("com.example.command.reboot").subject("firmware").key("d-7");
    }

    @Test
    void fillsInTheKeyTypeAndSubject() {
        assertThat(TopicTemplate.parse("devices/{key}/commands").render(event().build()))
                .isEqualTo("devices/d-7/commands");
        assertThat(TopicTemplate.parse("fleet/{subject}/{key}-{type}").render(event().build()))
                .isEqualTo("fleet/firmware/d-7-com.example.command.reboot");
        assertThat(TopicTemplate.parse("broadcast").render(event().key((String) null).build())).isEqualTo("broadcast");
    }

    @Test
    void refusesTemplatesThatCannotNameATopic() {
        assertThatThrownBy(() -> TopicTemplate.parse("devices/+/commands"))
                .hasMessageStartingWith("'devices/+/commands' has a wildcard (+ or #)");
        assertThatThrownBy(() -> TopicTemplate.parse("devices/{key}/#"))
                .hasMessageStartingWith("'devices/{key}/#' has a wildcard");
        assertThatThrownBy(() -> TopicTemplate.parse("devices/{device}/commands"))
                .hasMessage("'devices/{device}/commands' has the unknown placeholder {device}; use an MQTT topic with"
                        + " {key}, {type}, {subject} where the event fills them in, such as devices/{key}/commands");
        assertThatThrownBy(() -> TopicTemplate.parse("devices/{key"))
                .hasMessageStartingWith("'devices/{key' has a { without a closing }");
        assertThatThrownBy(() -> TopicTemplate.parse("devices/key}"))
                .hasMessageStartingWith("'devices/key}' has a } without an opening {");
        assertThatThrownBy(() -> TopicTemplate.parse("$SYS/{key}"))
                .hasMessageStartingWith("'$SYS/{key}' starts with $");
        assertThatThrownBy(() -> TopicTemplate.parse("")).hasMessageStartingWith("is empty");
    }

    @Test
    void anEventWithoutAValueWouldLeaveAnEmptyLevel() {
        TopicTemplate template = TopicTemplate.parse("devices/{key}/commands");

        assertThatThrownBy(() -> template.render(event().key((String) null).build()))
                .isInstanceOf(InvalidTopicException.class)
                .hasMessage("has no value for {key} (the event has no key: neither a partitionkey nor a record key),"
                        + " which would leave an empty topic level");
        assertThatThrownBy(() -> TopicTemplate.parse("{subject}/x").render(event().subject(null).build()))
                .hasMessageStartingWith("has no value for {subject} (the event has no subject)");
    }

    @Test
    void aValueFillsPartOfOneLevelAndHoldsNoWildcard() {
        TopicTemplate template = TopicTemplate.parse("devices/{key}/commands");

        assertThatThrownBy(() -> template.render(event().key("d-1/../admin").build()))
                .hasMessage("has a key 'd-1/../admin' that holds a /, which would add a topic level, so it cannot fill"
                        + " {key}");
        assertThatThrownBy(() -> template.render(event().key("+").build()))
                .hasMessageContaining("holds a wildcard (+ or #), which a topic name cannot have");
        assertThatThrownBy(() -> template.render(event().key("#").build())).hasMessageContaining("holds a wildcard");
        assertThatThrownBy(() -> template.render(event().key("d\u00001").build()))
                .hasMessage("has a key 'd\\u00001' that holds a control character, so it cannot fill {key}");
        assertThatThrownBy(() -> TopicTemplate.parse("{key}/x").render(event().key("$SYS").build()))
                .hasMessageContaining("starts with $");
    }
}
