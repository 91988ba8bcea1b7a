package dev.tributary.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import dev.tributary.connectors.SinkRunner;
import dev.tributary.connectors.mqtt.Device.Received;
import dev.tributary.dispatcher.DeadLetterHeaders;
import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.dispatcher.FunctionDispatcher;
import dev.tributary.dispatcher.RetryPolicy;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.MosquittoBroker;
import dev.tributary.testkit.WithLocalKafka;
import dev.tributary.testkit.WithMosquitto;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The MQTT downlink sink run by a real dispatcher on a real Kafka broker, publishing to a real mosquitto broker that
 * devices subscribe to: topics from the template, QoS 2 and retained messages, dead letters for events that make no
 * valid topic, and retries across a lost connection. Each test uses topics of its own, as retained messages outlive a
 * test.
 */
@WithMosquitto
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class MqttDownlinkSinkDispatcherIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final FailureSettings RETRIES = new FailureSettings(Duration.ofSeconds(10),
            new RetryPolicy(200, Duration.ofMillis(20), Duration.ofMillis(200), 2.0, 0.2), Optional.empty());

    @Test
    void eachEventReachesTheDeviceOfItsKeyWithItsDataAndAttributesAndStaysRetained(
            @BootstrapServers String bootstrap, MosquittoBroker broker) throws Exception {
        String topic = "downlink-commands";
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        try (Device devices = Device.subscribedTo(broker, "fleet/+/commands");
             SinkRunner runner = new SinkRunner(bootstrap)) {
            FunctionDispatcher dispatcher = runner.start("commands", topic, new MqttDownlinkSink(), Map.of(
                    "url", broker.url(), "topic", "fleet/{key}/commands", "qos", 2, "retain", true,
                    "userProperties", List.of("specversion", "id", "type")), RETRIES);
            runner.publish(topic, "c-1", "d-1", "{\"reboot\": true}");
            runner.publish(topic, "c-2", "d-2", "{\"firmware\": \"1.4.2\"}");
            runner.publish(topic, "c-3", "d-1", "{\"led\": \"blue\"}");

            await().atMost(PATIENCE).until(() -> dispatcher.stats().succeeded() == 3);
            await().atMost(PATIENCE).until(() -> devices.received().size() == 3);

            assertThat(devices.received()).extracting(Received::topic, Received::payload).containsExactlyInAnyOrder(
                    tuple("fleet/d-1/commands", "{\"reboot\": true}"),
                    tuple("fleet/d-2/commands", "{\"firmware\": \"1.4.2\"}"),
                    tuple("fleet/d-1/commands", "{\"led\": \"blue\"}"));
            assertThat(devices.received()).filteredOn(message -> message.topic().equals("fleet/d-1/commands"))
                    .as("a device's commands in their order, as key ordering keeps them")
                    .extracting(Received::payload).containsExactly("{\"reboot\": true}", "{\"led\": \"blue\"}");
            Received first = devices.received().stream().filter(message -> message.payload().contains("reboot"))
                    .findFirst().orElseThrow();
            assertThat(first.userProperties()).isEqualTo(Map.of("specversion", "1.0", "id", "c-1",
                    "type", "com.example.reading"));
            assertThat(first.contentType()).contains("application/json");
            assertThat(first.qos()).isEqualTo(MqttQos.EXACTLY_ONCE);
            assertThat(dispatcher.stats().failed()).isZero();
        }
        try (Device late = Device.subscribedTo(broker, "fleet/d-1/commands")) {
            await().atMost(PATIENCE).until(() -> !late.received().isEmpty());
            assertThat(late.received()).singleElement().satisfies(retained -> {
                assertThat(retained.retained()).isTrue();
                assertThat(retained.payload()).as("the last command for the device").isEqualTo("{\"led\": \"blue\"}");
            });
        }
    }

    @Test
    void anEventWithoutAKeyOrWithAWildcardInItGoesToTheDeadLetterTopicAtOnce(@BootstrapServers String bootstrap,
                                                                             MosquittoBroker broker) throws Exception {
        String topic = "downlink-invalid";
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        try (Device devices = Device.subscribedTo(broker, "invalid/#"); SinkRunner runner = new SinkRunner(bootstrap)) {
            FunctionDispatcher dispatcher = runner.start("invalid-commands", topic, new MqttDownlinkSink(), Map.of(
                    "url", broker.url(), "topic", "invalid/{key}/commands"), RETRIES);
            runner.publishWithoutKey(topic, "no-key", "{\"reboot\": true}");
            runner.publish(topic, "wildcard", "d+1", "{\"reboot\": true}");
            runner.publish(topic, "fine", "d-1", "{\"reboot\": true}");

            await().atMost(PATIENCE).until(() -> dispatcher.stats().deadLettered() == 2
                    && dispatcher.stats().succeeded() == 1);
            assertThat(dispatcher.stats().retried()).isZero();
            await().atMost(PATIENCE).until(() -> devices.received().size() == 1);
            assertThat(devices.received()).extracting(Received::topic).containsExactly("invalid/d-1/commands");
        }
        List<ConsumerRecord<String, String>> deadLetters =
                KafkaTestClients.readTopic(bootstrap, topic + ".invalid-commands.dlt", PATIENCE);
        Map<String, ConsumerRecord<String, String>> byId = deadLetters.stream()
                .collect(Collectors.toMap(record -> SinkRunner.header(record, "ce_id"), record -> record));
        assertThat(byId).as("the keys run in parallel, so in any order").containsOnlyKeys("no-key", "wildcard");
        assertThat(deadLetters).allSatisfy(deadLetter -> {
            assertThat(SinkRunner.errorClass(deadLetter)).isEqualTo(NonRetryableException.class.getName());
            assertThat(SinkRunner.header(deadLetter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        });
        assertThat(SinkRunner.header(byId.get("no-key"), DeadLetterHeaders.ERROR_MESSAGE))
                .startsWith("mqtt downlink invalid-commands at " + broker.url())
                .endsWith("topic invalid/{key}/commands has no value for {key} (the event has no key: neither a"
                        + " partitionkey nor a record key), which would leave an empty topic level");
        assertThat(SinkRunner.header(byId.get("wildcard"), DeadLetterHeaders.ERROR_MESSAGE))
                .contains("has a key 'd+1' that holds a wildcard (+ or #)");
    }

    @Test
    void aLostConnectionFailsPublishesRetryablyUntilTheBrokerIsReachableAgain(@BootstrapServers String bootstrap,
                                                                              MosquittoBroker broker) throws Exception {
        String topic = "downlink-outage";
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        try (MqttLink link = MqttLink.to(broker.port()); Device devices = Device.subscribedTo(broker, "outage/#");
             SinkRunner runner = new SinkRunner(bootstrap)) {
            FunctionDispatcher dispatcher = runner.start("outage-commands", topic, new MqttDownlinkSink(), Map.of(
                    "url", link.url(), "topic", "outage/{key}/commands", "timeout", "2s"), RETRIES);
            runner.publish(topic, "before", "d-1", "{\"seq\": 1}");
            await().atMost(PATIENCE).until(() -> dispatcher.stats().succeeded() == 1);

            link.cut();
            runner.publish(topic, "during", "d-1", "{\"seq\": 2}");
            await().atMost(PATIENCE).until(() -> dispatcher.stats().retried() >= 3);
            assertThat(dispatcher.stats().succeeded()).isEqualTo(1);
            link.restore();

            await().atMost(PATIENCE).until(() -> dispatcher.stats().succeeded() == 2);
            assertThat(dispatcher.stats().deadLettered()).isZero();
            await().atMost(PATIENCE).until(() -> devices.received().size() == 2);
            assertThat(devices.received()).extracting(Received::payload)
                    .containsExactly("{\"seq\": 1}", "{\"seq\": 2}");
        }
    }
}
