package dev.tributary.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tributary.connectors.mqtt.internal.MqttConnection;
import dev.tributary.connectors.mqtt.internal.MqttSettings;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.FunctionTester;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.RetryableException;
import dev.tributary.sdk.TestEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The sink as a function, run by the SDK's tester with a stand-in connection: messages, topics, settings. */
class MqttDownlinkSinkTest {

    /** Records what the sink publishes and answers as the test says. */
    private static final class RecordingConnection implements MqttConnection {
        final List<Mqtt5Publish> published = new CopyOnWriteArrayList<>();
        Function<Mqtt5Publish, CompletableFuture<Void>> answer = message -> CompletableFuture.completedFuture(null);
        boolean closed;

        @Override
        public CompletableFuture<Void> publish(Mqtt5Publish message) {
            published.add(message);
            return answer.apply(message);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final RecordingConnection connection = new RecordingConnection();

    private static Map<String, Object> config(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(Map.of("url", "mqtt://broker.internal",
                "topic", "devices/{key}/commands"));
        config.putAll(settings);
        config.values().removeIf(value -> value.equals(""));
        return config;
    }

    private FunctionTester<byte[]> sink(Map<String, Object> settings) {
        return FunctionTester.of(new MqttDownlinkSink(read -> connection)).functionName("downlink")
                .config(config(settings)).timeout(Duration.ofSeconds(10));
    }

    private static MqttSettings read(Map<String, Object> settings) {
        return MqttSettings.read(new FunctionConfig("downlink", config(settings)));
    }

    private static TestEvent.Builder<byte[]> command(String key) {
        return TestEvent.builder("{\"reboot\":true}".getBytes(StandardCharsets.UTF_8))
                .id("c-1").source(URI.create("https://fleet.example.com")).type("com.example.command")
                .time(OffsetDateTime.parse("2026-11-23T10:00:00Z")).dataContentType("application/json").key(key);
    }

    @Test
    void publishesTheDataOnTheTopicOfItsKeyWithTheSelectedAttributesAsUserProperties() throws Exception {
        try (FunctionTester<byte[]> tester = sink(Map.of("qos", 2, "retain", true,
                "userProperties", List.of("specversion", "id", "type", "time", "subject", "firmware")))) {
            FunctionTester.Result result = tester.send(command("d-7").extension("firmware", "1.4.2").build());

            assertThat(result.succeeded()).isTrue();
        }
        Mqtt5Publish message = connection.published.get(0);
        assertThat(message.getTopic().toString()).isEqualTo("devices/d-7/commands");
        assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"reboot\":true}");
        assertThat(message.getQos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        assertThat(message.isRetain()).isTrue();
        assertThat(message.getContentType()).hasValueSatisfying(type -> assertThat(type)
                .hasToString("application/json"));
        assertThat(message.getUserProperties().asList()).extracting(p -> p.getName() + "=" + p.getValue())
                .as("in the order given; the event has no subject")
                .containsExactly("specversion=1.0", "id=c-1", "type=com.example.command",
                        "time=2026-11-23T10:00:00Z", "firmware=1.4.2");
        assertThat(connection.closed).isTrue();
    }

    @Test
    void publishesWithQos1AndNeitherRetainNorUserPropertiesByDefault() throws Exception {
        try (FunctionTester<byte[]> tester = sink(Map.of())) {
            tester.send(command("d-1").build());
        }
        Mqtt5Publish message = connection.published.get(0);
        assertThat(message.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(message.isRetain()).isFalse();
        assertThat(message.getUserProperties().asList()).isEmpty();
    }

    @Test
    void anEventWhoseTopicWouldBeInvalidGoesToTheDeadLetterTopicWithoutBeingPublished() throws Exception {
        try (FunctionTester<byte[]> tester = sink(Map.of())) {
            FunctionTester.Result keyless = tester.send(command(null).build());
            FunctionTester.Result wildcard = tester.send(command("d-+").build());

            assertThat(keyless.retryable()).isFalse();
            assertThat(keyless.failure().orElseThrow()).isInstanceOf(NonRetryableException.class).hasMessage(
                    "mqtt downlink downlink at mqtt://broker.internal:1883: event c-1 cannot be published: topic"
                            + " devices/{key}/commands has no value for {key} (the event has no key: neither a"
                            + " partitionkey nor a record key), which would leave an empty topic level");
            assertThat(wildcard.failure().orElseThrow()).isInstanceOf(NonRetryableException.class)
                    .hasMessageContaining("has a key 'd-+' that holds a wildcard");
        }
        assertThat(connection.published).isEmpty();
    }

    @Test
    void aPublishThatFailsFailsTheEventAsTheConnectionSays() throws Exception {
        connection.answer = message -> CompletableFuture.failedFuture(new RetryableException("connection lost"));
        try (FunctionTester<byte[]> tester = sink(Map.of())) {
            FunctionTester.Result result = tester.send(command("d-1").build());

            assertThat(result.retryable()).isTrue();
            assertThat(result.failure().orElseThrow()).hasMessage("connection lost");
        }
    }

    @Test
    void readsEverySettingWithItsDefault() {
        MqttSettings defaults = read(Map.of());

        assertThat(defaults.url()).hasToString("mqtt://broker.internal:1883");
        assertThat(defaults.clientId()).matches("tributary-downlink-[0-9a-f]{8}");
        assertThat(read(Map.of()).clientId()).as("new for each process").isNotEqualTo(defaults.clientId());
        assertThat(defaults.qos()).isEqualTo(1);
        assertThat(defaults.retain()).isFalse();
        assertThat(defaults.userProperties()).isEmpty();
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));

        MqttSettings given = read(Map.of("url", "mqtts://broker.internal", "clientId", "cloud-downlink",
                "username", "tributary", "password", "s3cret", "userProperties", "id"));
        assertThat(given.url()).hasToString("mqtts://broker.internal:8883");
        assertThat(given.clientId()).isEqualTo("cloud-downlink");
        assertThat(given.userProperties()).containsExactly("id");
        assertThat(given.toString()).doesNotContain("s3cret");
    }

    @Test
    void refusesSettingsThatAreMissingOrNotAllowedNamingTheirPath() {
        assertThatThrownBy(() -> read(Map.of("url", "")))
                .hasMessageStartingWith("functions[downlink].config.url is required");
        assertThatThrownBy(() -> read(Map.of("url", "tcp://broker.internal:1883")))
                .hasMessage("functions[downlink].config.url: 'tcp://broker.internal:1883' is not mqtt://host[:port] or"
                        + " mqtts://host[:port] (TLS), such as mqtt://broker.internal:1883");
        assertThatThrownBy(() -> read(Map.of("url", "mqtt://user:pw@broker.internal")))
                .hasMessageEndingWith("give the credentials as username and password, not in the URL");
        assertThatThrownBy(() -> read(Map.of("topic", "")))
                .hasMessageStartingWith("functions[downlink].config.topic is required");
        assertThatThrownBy(() -> read(Map.of("topic", "devices/+/commands")))
                .hasMessageStartingWith("functions[downlink].config.topic: 'devices/+/commands' has a wildcard");
        assertThatThrownBy(() -> read(Map.of("qos", 3)))
                .hasMessage("functions[downlink].config.qos: 3 is out of range; use 0..2");
        assertThatThrownBy(() -> read(Map.of("password", "s3cret")))
                .hasMessageStartingWith("functions[downlink].config.password: is set without a username");
        assertThatThrownBy(() -> read(Map.of("userProperties", List.of("id", "Device-Id"))))
                .hasMessageStartingWith("functions[downlink].config.userProperties: 'Device-Id' is not a CloudEvent"
                        + " attribute name");
        assertThatThrownBy(() -> read(Map.of("retian", true)))
                .hasMessageStartingWith("functions[downlink].config.retian is not a setting of MqttDownlinkSink");
    }
}
