package dev.tributary.ingest.mqtt;

import static dev.tributary.ingest.mqtt.KafkaRecords.createTopics;
import static dev.tributary.ingest.mqtt.KafkaRecords.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.tributary.ingest.publish.KafkaPublisher;
import dev.tributary.ingest.publish.PublishException;
import dev.tributary.ingest.publish.PublisherSettings;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.WithLocalKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A device with several messages on their way to Kafka at once: they reach the topic in the order the device sent
 * them, and its PUBACKs go out in that order too, whatever order Kafka answers in and whichever of them fails.
 */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
@Timeout(60)
class MqttPipeliningIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    @Test
    void aDevicesMessagesInFlightTogetherAreOnTheTopicInTheOrderItSentThem(@BootstrapServers String bootstrap)
            throws Exception {
        createTopics(bootstrap, "pipelined", "pipelined.invalid");
        KafkaPublisher publisher = KafkaPublisher.start(PublisherSettings.forBootstrapServers(bootstrap)
                .withClientId("mqtt-pipelining-it"), new SimpleMeterRegistry(), Clock.systemUTC());
        resources.add(publisher);
        MqttDirectIngest mqtt = start("pipelined", publisher);
        Mqtt5AsyncClient device = connect("pump-1", mqtt);
        int messages = 200;

        // Sent without waiting for PUBACKs: up to the endpoint's receive maximum are in flight at once.
        List<CompletableFuture<Mqtt5PubAckReasonCode>> answers = IntStream.range(0, messages)
                .mapToObj(n -> Devices.publishQos1(device, "devices/pump-1/telemetry", Integer.toString(n)))
                .toList();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(answers).extracting(CompletableFuture::join).containsOnly(Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(read(bootstrap, "pipelined")).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(IntStream.range(0, messages).mapToObj(Integer::toString).toList());
    }

    @Test
    void pubAcksGoOutInTheOrderThePublishesArrivedWhateverOrderKafkaAnswersIn() throws Exception {
        HoldingPublisher kafka = new HoldingPublisher();
        MqttDirectIngest mqtt = start("held", kafka);
        List<String> answeredInOrder = new CopyOnWriteArrayList<>();
        Mqtt5AsyncClient device = connect("pump-2", mqtt, answeredInOrder);

        List<CompletableFuture<Mqtt5PubAckReasonCode>> answers = publishThree(device, "pump-2");
        await("all three are on their way to Kafka at once").atMost(WAIT).until(() -> kafka.held().size() == 3);
        kafka.held().get(2).acknowledge(2);
        kafka.held().get(1).acknowledge(1);
        kafka.held().get(0).acknowledge(0);
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(answers).extracting(CompletableFuture::join).containsOnly(Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(answeredInOrder).as("the PUBACKs, in the order they came in").containsExactly("0", "1", "2");
        assertThat(kafka.held()).extracting(held -> new String(held.event().getData().toBytes(),
                StandardCharsets.UTF_8)).as("handed to the publisher in the order they arrived")
                .containsExactly("0", "1", "2");
    }

    @Test
    void aPublishKafkaRefusesAmongOthersInFlightIsAnsweredWithItsFailureInItsPlace() throws Exception {
        HoldingPublisher kafka = new HoldingPublisher();
        MqttDirectIngest mqtt = start("refusing", kafka);
        List<String> answeredInOrder = new CopyOnWriteArrayList<>();
        Mqtt5AsyncClient device = connect("pump-3", mqtt, answeredInOrder);

        List<CompletableFuture<Mqtt5PubAckReasonCode>> answers = publishThree(device, "pump-3");
        await("all three are on their way to Kafka at once").atMost(WAIT).until(() -> kafka.held().size() == 3);
        kafka.held().get(2).acknowledge(1);
        kafka.held().get(1).result().completeExceptionally(new PublishException(PublishException.Reason.UNAVAILABLE,
                "Kafka did not acknowledge within the delivery timeout, as the test asked"));
        kafka.held().get(0).acknowledge(0);
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(answers).extracting(CompletableFuture::join).containsExactly(Mqtt5PubAckReasonCode.SUCCESS,
                Mqtt5PubAckReasonCode.UNSPECIFIED_ERROR, Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(answeredInOrder).as("the PUBACKs, in the order they came in").containsExactly("0", "1", "2");
    }

    /** Publishes "0", "1" and "2" without waiting for their answers. */
    private static List<CompletableFuture<Mqtt5PubAckReasonCode>> publishThree(Mqtt5AsyncClient device, String name) {
        return IntStream.range(0, 3)
                .mapToObj(n -> Devices.publishQos1(device, "devices/" + name + "/telemetry", Integer.toString(n)))
                .toList();
    }

    private MqttDirectIngest start(String topic, dev.tributary.ingest.publish.Publisher publisher) {
        MqttDirectIngest mqtt = MqttDirectIngest.start(MqttDirectSettings.builder().port(0)
                .mapping(MqttMapping.of("devices/+/telemetry", topic).withKey("{1}").withCodec(PayloadCodec.BYTES))
                .build(), publisher, new SimpleMeterRegistry());
        resources.add(mqtt);
        return mqtt;
    }

    private Mqtt5AsyncClient connect(String name, MqttDirectIngest mqtt) {
        return connect(name, mqtt, new CopyOnWriteArrayList<>());
    }

    /**
     * A connected device that adds the payload of each message {@code answered} as its PUBACK comes in: the client
     * reports PUBACKs to its interceptor in the order they arrive, where it may complete its futures in another.
     */
    private Mqtt5AsyncClient connect(String name, MqttDirectIngest mqtt, List<String> answered) {
        Mqtt5AsyncClient device = Devices.mqtt5(name, mqtt.port()).advancedConfig().interceptors()
                .outgoingQos1Interceptor((config, publish, pubAck) -> answered.add(
                        StandardCharsets.UTF_8.decode(publish.getPayload().orElseThrow()).toString()))
                .applyInterceptors().applyAdvancedConfig().buildAsync();
        device.connect().join();
        resources.add(() -> device.disconnect().join());
        return device;
    }
}
