package dev.tributary.ingest.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Key extraction by JSON Pointer, and the JSON check of data that claims to be JSON. */
class EventDataTest {

    private final EventData byDevice = new EventData(Optional.of("/device/id"));

    private static CloudEvent event(String contentType, String data) {
        return CloudEventBuilder.v1().withId("1").withType("t").withSource(URI.create("/s"))
                .withData(contentType, data.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static Object keyOf(CloudEvent event) {
        return event.getExtension("partitionkey");
    }

    @Test
    void aStringNumberOrBooleanAtThePointerBecomesTheKey() {
        assertThat(keyOf(byDevice.checkAndKey(event("application/json", "{\"device\":{\"id\":\"d-1\"}}"), "")))
                .isEqualTo("d-1");
        assertThat(keyOf(byDevice.checkAndKey(event("application/vnd.x+json", "{\"device\":{\"id\":42}}"), "")))
                .isEqualTo("42");
        assertThat(keyOf(byDevice.checkAndKey(event("text/json", "{\"device\":{\"id\":true}}"), "")))
                .isEqualTo("true");
    }

    @Test
    void anEventWithAPartitionKeyKeepsIt() {
        CloudEvent keyed = CloudEventBuilder.from(event("application/json", "{\"device\":{\"id\":\"d-1\"}}"))
                .withExtension("partitionkey", "own").build();

        assertThat(keyOf(byDevice.checkAndKey(keyed, ""))).isEqualTo("own");
    }

    @Test
    void jsonDataWithoutAScalarAtThePointerIsInvalidAndSaysWhere() {
        assertThatThrownBy(() -> byDevice.checkAndKey(event("application/json", "{\"device\":{}}"), "event [3]: "))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("event [3]: data has no value at /device/id, where the event's key is read; send a string "
                        + "or number there, or set the partitionkey extension");
        assertThatThrownBy(() -> byDevice.checkAndKey(event("application/json", "{\"device\":{\"id\":{}}}"), ""))
                .hasMessageContaining("data has an object at /device/id");
        assertThatThrownBy(() -> byDevice.checkAndKey(event("application/json", "{\"device\":{\"id\":null}}"), ""))
                .hasMessageContaining("data has a null at /device/id");
    }

    @Test
    void dataThatIsNotJsonGetsNoKeyFromThePointer() {
        CloudEvent text = event("text/plain", "device d-1");

        assertThat(keyOf(byDevice.checkAndKey(text, ""))).isNull();
    }

    @Test
    void dataThatClaimsToBeJsonMustBeJsonEvenWithoutAPointer() {
        EventData unkeyed = new EventData(Optional.empty());

        assertThatThrownBy(() -> unkeyed.checkAndKey(event("application/json", "{\"a\":1,}"), ""))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("data is not valid JSON, though its content type application/json says it is");
        assertThat(unkeyed.checkAndKey(event("application/json", "{\"a\":1}"), "")).isNotNull();
    }
}
