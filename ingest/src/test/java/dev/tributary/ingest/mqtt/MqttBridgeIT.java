package dev.tributary.ingest.mqtt;

import static dev.tributary.ingest.mqtt.KafkaRecords.createTopics;
import static dev.tributary.ingest.mqtt.KafkaRecords.header;
import static dev.tributary.ingest.mqtt.KafkaRecords.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.tributary.ingest.publish.KafkaPublisher;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.publish.PublisherSettings;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.MosquittoBroker;
import dev.tributary.testkit.WithLocalKafka;
import dev.tributary.testkit.WithMosquitto;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bridge between a real mosquitto broker and a real Kafka broker: replicas sharing a subscription deliver each
 * message once, keyed by device, and a replica that dies with messages it had not acknowledged loses none of them.
 */
// A small in-flight window, so that a stuck replica holds few messages and the broker queues the rest for it.
@WithMosquitto(config = "max_inflight_messages 10")
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
@Timeout(90)
class MqttBridgeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private String bootstrap;
    private MosquittoBroker broker;
    private KafkaPublisher publisher;

    @BeforeEach
    void startPublisher(@BootstrapServers String bootstrap, MosquittoBroker broker) {
        this.bootstrap = bootstrap;
        this.broker = broker;
        this.publisher = KafkaPublisher.start(PublisherSettings.forBootstrapServers(bootstrap)
                .withClientId("mqtt-bridge-it"), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
        publisher.close();
    }

    @Test
    void twoReplicasSharingASubscriptionDeliverEachMessageOnceKeyedByDevice() throws Exception {
        createTopics(bootstrap, "bridged", "bridged.invalid");
        MqttBridgeSettings settings = settings("shared-a", "bridged", "share-test");
        SimpleMeterRegistry metricsA = new SimpleMeterRegistry();
        SimpleMeterRegistry metricsB = new SimpleMeterRegistry();
        bridge(settings, publisher, metricsA);
        bridge(settings.toBuilder().clientId("shared-b").build(), publisher, metricsB);
        int messages = 500;

        Mqtt5AsyncClient devices = devices("share-test-devices");
        CompletableFuture.allOf(IntStream.range(0, messages)
                .mapToObj(seq -> publish(devices, "fleet/dev-" + (seq % 25) + "/telemetry", seq))
                .toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        devices.disconnect().join();

        await("every message on Kafka").atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> read(bootstrap, "bridged").size() >= messages);
        List<ConsumerRecord<String, String>> records = read(bootstrap, "bridged");
        Map<Integer, Long> copies = records.stream()
                .collect(Collectors.groupingBy(record -> seq(record), Collectors.counting()));
        assertThat(copies).as("each message exactly once").hasSize(messages).allSatisfy((seq, count) ->
                assertThat(count).as("copies of message " + seq).isEqualTo(1));
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo("dev-" + (seq(record) % 25));
            assertThat(header(record, "ce_subject")).isEqualTo("fleet/" + record.key() + "/telemetry");
            assertThat(header(record, "ce_source")).isEqualTo("/tributary/mqtt/fleet/" + record.key() + "/telemetry");
        });
        assertThat(List.of(published(metricsA), published(metricsB))).as("both replicas took a share")
                .allSatisfy(count -> assertThat(count).isPositive());
        assertThat(published(metricsA) + published(metricsB)).isEqualTo(messages);
    }

    @Test
    void aReplicaThatDiesWithUnacknowledgedMessagesLosesNoneOfThem() throws Exception {
        createTopics(bootstrap, "survived", "survived.invalid");
        int messages = 60;
        NeverPublisher stuck = new NeverPublisher();
        MqttBridgeSettings settings = settings("crash-replica", "survived", "crash-test");
        TcpProxy network = TcpProxy.to(broker.port());
        resources.add(network);
        MqttBridgeIngest doomed = MqttBridgeIngest.start(settings.toBuilder()
                .url("mqtt://127.0.0.1:" + network.port()).build(), stuck, new SimpleMeterRegistry());

        Mqtt5AsyncClient devices = devices("crash-test-devices");
        CompletableFuture.allOf(IntStream.range(0, messages)
                .mapToObj(seq -> publish(devices, "fleet/dev-" + (seq % 5) + "/telemetry", seq))
                .toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        devices.disconnect().join();
        await("the replica holds a full window of messages Kafka never took").atMost(PATIENCE)
                .until(() -> stuck.received() >= 5);
        network.sever();
        await().atMost(PATIENCE).until(() -> !doomed.isConnected());
        doomed.close();
        assertThat(read(bootstrap, "survived")).as("nothing reached Kafka through the dead replica").isEmpty();

        bridge(settings, publisher, new SimpleMeterRegistry());

        await("every message on Kafka after the restart").atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> read(bootstrap, "survived").size() >= messages);
        List<ConsumerRecord<String, String>> records = read(bootstrap, "survived");
        assertThat(records.stream().map(MqttBridgeIT::seq).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, messages).boxed().toList());
        assertThat(records).allSatisfy(record -> assertThat(record.key()).isEqualTo("dev-" + (seq(record) % 5)));
    }

    private MqttBridgeSettings settings(String clientId, String topic, String topicRoot) {
        return MqttBridgeSettings.builder()
                .url(broker.url())
                .clientId(clientId)
                .group(topicRoot)
                .mapping(MqttMapping.of("fleet/+/telemetry", topic).withKey("{1}").withCodec(PayloadCodec.JSON))
                .retryBackoff(Duration.ofMillis(50))
                .maxRetryBackoff(Duration.ofMillis(500))
                .build();
    }

    private MqttBridgeIngest bridge(MqttBridgeSettings settings, Publisher through, MeterRegistry metrics) {
        MqttBridgeIngest bridge = MqttBridgeIngest.start(settings, through, metrics);
        resources.add(bridge);
        return bridge;
    }

    private Mqtt5AsyncClient devices(String clientId) {
        Mqtt5AsyncClient client = Devices.mqtt5(clientId, broker.port()).buildAsync();
        client.connect().join();
        return client;
    }

    private static CompletableFuture<?> publish(Mqtt5AsyncClient client, String topic, int seq) {
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8)).send();
    }

    private static int seq(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).get("seq").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double published(SimpleMeterRegistry metrics) {
        return metrics.get(MqttMetrics.MESSAGES).tag(MqttMetrics.TAG_FILTER, "fleet/+/telemetry")
                .tag(MqttMetrics.TAG_OUTCOME, "published").counter().count();
    }
}
