package dev.tributary.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.schemas.event.EventKey;
import dev.tributary.schemas.event.KafkaEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The event a function is handed reads through to the CloudEvent and the record it came from. */
class DecodedEventTest {

    private static KafkaEvent event(byte[] data) {
        CloudEventBuilder builder = CloudEventBuilder.v1().withId("e-1").withSource(URI.create("/sensors"))
                .withType("reading").withExtension("partitionkey", "sensor-7").withExtension("priority", 3);
        if (data != null) {
            builder.withData("text/plain", data);
        }
        return new KafkaEvent("readings", 2, 41L, Optional.of(EventKey.ofUtf8("sensor-7")), builder.build(),
                new RecordHeaders(), KafkaEvent.ContentMode.BINARY);
    }

    @Test
    void readsTheAttributesTheKeyAndWhereTheRecordWas() {
        DecodedEvent<String> event = new DecodedEvent<>(event("21.5".getBytes(StandardCharsets.UTF_8)), "21.5", 3);

        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo("reading");
        assertThat(event.data()).isEqualTo("21.5");
        assertThat(event.rawData()).asString(StandardCharsets.UTF_8).isEqualTo("21.5");
        assertThat(event.keyAsString()).contains("sensor-7");
        assertThat(event.topic()).isEqualTo("readings");
        assertThat(event.partition()).isEqualTo(2);
        assertThat(event.offset()).isEqualTo(41L);
        assertThat(event.attempt()).isEqualTo(3);
    }

    @Test
    void extensionsAreTextMadeOnceOnFirstUse() {
        DecodedEvent<String> event = new DecodedEvent<>(event(null), null, 1);

        Map<String, String> extensions = event.extensions();

        assertThat(extensions).containsOnly(Map.entry("partitionkey", "sensor-7"), Map.entry("priority", "3"));
        assertThat(event.extensions()).isSameAs(extensions);
    }

    @Test
    void anEventWithoutDataHasEmptyRawData() {
        assertThat(new DecodedEvent<>(event(null), null, 1).rawData()).isEmpty();
        assertThat(DecodedEvent.rawDataOrNull(event(null))).isNull();
    }
}
