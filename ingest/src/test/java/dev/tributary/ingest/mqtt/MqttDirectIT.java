package dev.tributary.ingest.mqtt;

import static dev.tributary.ingest.mqtt.KafkaRecords.createTopics;
import static dev.tributary.ingest.mqtt.KafkaRecords.header;
import static dev.tributary.ingest.mqtt.KafkaRecords.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.tributary.ingest.publish.KafkaPublisher;
import dev.tributary.ingest.publish.PublisherSettings;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.WithLocalKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct endpoint against a real Kafka broker, with HiveMQ clients as devices: every acknowledged message is on
 * Kafka keyed by its device, passwords and topic permissions are enforced, MQTT 3.1.1 and TLS work, malformed
 * payloads go to the invalid topic, and no device hears "success" when the publisher refuses.
 */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
@Timeout(60)
class MqttDirectIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MqttUser ALICE = new MqttUser("alice", "alice-secret-1", List.of("devices/alice/#"));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private String bootstrap;
    private KafkaPublisher publisher;

    @BeforeEach
    void startPublisher(@BootstrapServers String bootstrap) {
        this.bootstrap = bootstrap;
        this.publisher = KafkaPublisher.start(PublisherSettings.forBootstrapServers(bootstrap)
                .withClientId("mqtt-direct-it"), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
        publisher.close();
    }

    @Test
    void twoHundredDevicesAtQos1FindEveryAcknowledgedMessageOnKafkaKeyedByDeviceAndInOrder() throws Exception {
        createTopics(bootstrap, "fleet", "fleet.invalid");
        MqttDirectIngest mqtt = start(settings(telemetry("fleet")));
        int devices = 200;
        int perDevice = 5;

        List<Mqtt5AsyncClient> clients = IntStream.range(0, devices)
                .mapToObj(i -> Devices.mqtt5("device-" + i, mqtt.port()).buildAsync()).toList();
        CompletableFuture.allOf(clients.stream().map(Mqtt5AsyncClient::connect).toArray(CompletableFuture[]::new))
                .get(30, TimeUnit.SECONDS);
        await("every device connected").atMost(Duration.ofSeconds(10)).until(() -> mqtt.connectedDevices() == devices);
        Map<String, CompletableFuture<Mqtt5PubAckReasonCode>> answers = new HashMap<>();
        for (int n = 0; n < perDevice; n++) {
            for (int i = 0; i < devices; i++) {
                String device = "device-" + i;
                answers.put(device + "#" + n, Devices.publishQos1(clients.get(i), "devices/" + device + "/telemetry",
                        "{\"device\":\"" + device + "\",\"n\":" + n + "}"));
            }
        }
        CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new)).get(45, TimeUnit.SECONDS);
        clients.forEach(client -> client.disconnect().join());

        assertThat(answers.values()).extracting(CompletableFuture::join).containsOnly(Mqtt5PubAckReasonCode.SUCCESS);
        List<ConsumerRecord<String, String>> records = read(bootstrap, "fleet");
        assertThat(records).hasSize(devices * perDevice);
        Map<String, List<Integer>> sequenceByDevice = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode data = JSON.readTree(record.value());
            assertThat(record.key()).as("keyed by the device of the MQTT topic").isEqualTo(data.get("device").asText());
            assertThat(header(record, "ce_subject")).isEqualTo("devices/" + record.key() + "/telemetry");
            sequenceByDevice.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(data.get("n").asInt());
        }
        assertThat(sequenceByDevice).hasSize(devices);
        assertThat(sequenceByDevice.values()).as("each device's messages once, in the order it sent them")
                .allSatisfy(sequence -> assertThat(sequence).containsExactly(0, 1, 2, 3, 4));
        assertThat(registry.get(MqttMetrics.MESSAGES).tag(MqttMetrics.TAG_FILTER, "devices/+/telemetry")
                .tag(MqttMetrics.TAG_OUTCOME, "published").counter().count())
                .isEqualTo(devices * perDevice);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneConnects() {
        MqttDirectIngest mqtt = start(settings(telemetry("auth")).toBuilder().auth(MqttAuthMode.PASSWORD)
                .user(ALICE).build());

        Mqtt5AsyncClient intruder = Devices.mqtt5("intruder", mqtt.port()).simpleAuth().username("alice")
                .password("wrong-password".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildAsync();
        Mqtt5AsyncClient anonymous = Devices.mqtt5("anonymous", mqtt.port()).buildAsync();
        Mqtt5AsyncClient alice = alice(mqtt.port());

        assertThatThrownBy(() -> intruder.connect().join()).hasCauseInstanceOf(Mqtt5ConnAckException.class)
                .cause().extracting(e -> ((Mqtt5ConnAckException) e).getMqttMessage().getReasonCode())
                .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThatThrownBy(() -> anonymous.connect().join()).hasCauseInstanceOf(Mqtt5ConnAckException.class);
        assertThat(alice.connect().join().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
        alice.disconnect().join();
        assertThat(registry.get(MqttMetrics.CONNECTIONS_REFUSED).counter().count()).isEqualTo(2);
    }

    @Test
    void aUserPublishesOnlyToTheTopicsItsFiltersAllow() {
        createTopics(bootstrap, "permitted", "permitted.invalid");
        MqttDirectIngest mqtt = start(settings(telemetry("permitted")).toBuilder().auth(MqttAuthMode.PASSWORD)
                .user(ALICE).build());
        Mqtt5AsyncClient alice = alice(mqtt.port());
        alice.connect().join();

        Mqtt5PubAckReasonCode own = Devices.publishQos1(alice, "devices/alice/telemetry", "{\"own\":true}").join();
        Mqtt5PubAckReasonCode other = Devices.publishQos1(alice, "devices/bob/telemetry", "{\"own\":false}").join();
        alice.disconnect().join();

        assertThat(own).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(other).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        assertThat(read(bootstrap, "permitted")).extracting(ConsumerRecord::key).containsExactly("alice");
    }

    @Test
    void anMqtt311DeviceIsAcknowledgedOnceKafkaHasItsMessage() throws Exception {
        createTopics(bootstrap, "classic", "classic.invalid");
        MqttDirectIngest mqtt = start(settings(telemetry("classic")));
        Mqtt3AsyncClient device = MqttClient.builder().useMqttVersion3().identifier("classic-device")
                .serverHost(Devices.HOST).serverPort(mqtt.port()).buildAsync();
        device.connect().get(10, TimeUnit.SECONDS);

        Mqtt3Publish acknowledged = device.publishWith().topic("devices/classic-1/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                .payload("{\"v\":3.1}".getBytes(StandardCharsets.UTF_8)).send().get(10, TimeUnit.SECONDS);
        device.disconnect().join();

        assertThat(acknowledged.getTopic().toString()).isEqualTo("devices/classic-1/telemetry");
        List<ConsumerRecord<String, String>> records = read(bootstrap, "classic");
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("classic-1");
            assertThat(record.value()).isEqualTo("{\"v\":3.1}");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
        });
    }

    @Test
    void aQos2MessageIsReceivedOnceKafkaHasItAndQos0IsPublishedBestEffort() throws Exception {
        createTopics(bootstrap, "levels", "levels.invalid");
        MqttDirectIngest mqtt = start(settings(telemetry("levels")));
        Mqtt5AsyncClient device = Devices.mqtt5("qos-device", mqtt.port()).buildAsync();
        device.connect().join();

        Mqtt5PublishResult exactlyOnce = device.publishWith().topic("devices/q2/telemetry").qos(MqttQos.EXACTLY_ONCE)
                .payload("{\"qos\":2}".getBytes(StandardCharsets.UTF_8)).send().get(10, TimeUnit.SECONDS);
        device.publishWith().topic("devices/q0/telemetry").qos(MqttQos.AT_MOST_ONCE)
                .payload("{\"qos\":0}".getBytes(StandardCharsets.UTF_8)).send().get(10, TimeUnit.SECONDS);

        assertThat(exactlyOnce.getError()).isEmpty();
        assertThat(((Mqtt5PublishResult.Mqtt5Qos2Result) exactlyOnce).getPubRec().getReasonCode().isError())
                .isFalse();
        await("the QoS 0 message on Kafka").atMost(Duration.ofSeconds(10))
                .until(() -> read(bootstrap, "levels").size() == 2);
        device.disconnect().join();
        assertThat(read(bootstrap, "levels")).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("{\"qos\":2}", "{\"qos\":0}");
    }

    @Test
    void invalidJsonGoesToTheInvalidTopicWithTheReasonAndIsStillAcknowledged() {
        createTopics(bootstrap, "checked", "checked.invalid");
        MqttDirectIngest mqtt = start(settings(telemetry("checked")));
        Mqtt5AsyncClient device = Devices.mqtt5("sloppy-device", mqtt.port()).buildAsync();
        device.connect().join();

        Mqtt5PubAckReasonCode answer = Devices.publishQos1(device, "devices/sloppy/telemetry", "{\"t\": 21.5,").join();
        Mqtt5PubAckReasonCode next = Devices.publishQos1(device, "devices/sloppy/telemetry", "{\"t\": 21.6}").join();
        device.disconnect().join();

        assertThat(answer).as("the device is not blocked on a malformed message").isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(next).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(read(bootstrap, "checked")).extracting(ConsumerRecord::value).containsExactly("{\"t\": 21.6}");
        assertThat(read(bootstrap, "checked.invalid")).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo("{\"t\": 21.5,");
            assertThat(record.key()).isEqualTo("sloppy");
            assertThat(header(record, "ce_invalidreason")).startsWith("the payload is not valid JSON");
        });
    }

    @Test
    void whenThePublisherRefusesAnMqtt5DeviceGetsQuotaExceededAndAn311DeviceIsDisconnectedUnacknowledged()
            throws Exception {
        RefusingPublisher refusing = new RefusingPublisher();
        MqttDirectIngest mqtt = start(settings(telemetry("nowhere")), refusing);
        Mqtt5AsyncClient modern = Devices.mqtt5("modern", mqtt.port()).buildAsync();
        Mqtt3AsyncClient classic = MqttClient.builder().useMqttVersion3().identifier("classic")
                .serverHost(Devices.HOST).serverPort(mqtt.port()).buildAsync();
        modern.connect().join();
        classic.connect().join();

        Mqtt5PubAckReasonCode answer = Devices.publishQos1(modern, "devices/modern/telemetry", "{}").join();
        CompletableFuture<Mqtt3Publish> classicAnswer = classic.publishWith().topic("devices/classic/telemetry")
                .qos(MqttQos.AT_LEAST_ONCE).payload("{}".getBytes(StandardCharsets.UTF_8)).send();

        assertThat(answer).isEqualTo(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(answer.isError()).isTrue();
        await("the 3.1.1 device is disconnected").atMost(Duration.ofSeconds(10))
                .until(() -> classic.getState() != MqttClientState.CONNECTED);
        await().atMost(Duration.ofSeconds(10)).until(classicAnswer::isDone);
        assertThat(classicAnswer).as("no PUBACK: the publish fails on the client's side").isCompletedExceptionally();
        assertThat(refusing.refused()).isEqualTo(2);
        modern.disconnect().join();
    }

    @Test
    void devicesConnectOverTls(@TempDir Path dir) throws Exception {
        createTopics(bootstrap, "secure", "secure.invalid");
        Path keyStore = TestKeyStore.write(dir);
        MqttDirectIngest mqtt = start(settings(telemetry("secure")).toBuilder()
                .tls(new MqttTls(keyStore, TestKeyStore.PASSWORD)).build());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, TestKeyStore.PASSWORD.toCharArray());
        }
        trust.init(store);
        Mqtt5AsyncClient device = Devices.mqtt5("tls-device", mqtt.port())
                .sslConfig().trustManagerFactory(trust).applySslConfig().buildAsync();
        Mqtt5AsyncClient plain = Devices.mqtt5("plain-device", mqtt.port()).buildAsync();

        device.connect().get(10, TimeUnit.SECONDS);
        Mqtt5PubAckReasonCode answer = Devices.publishQos1(device, "devices/tls-1/telemetry", "{\"tls\":true}").join();
        device.disconnect().join();

        assertThat(answer).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
        assertThat(read(bootstrap, "secure")).extracting(ConsumerRecord::key).containsExactly("tls-1");
        assertThatThrownBy(() -> plain.connect().get(10, TimeUnit.SECONDS)).as("plain TCP is not served")
                .isInstanceOf(java.util.concurrent.ExecutionException.class);
    }

    private static MqttMapping telemetry(String topic) {
        return MqttMapping.of("devices/+/telemetry", topic).withKey("{1}").withCodec(PayloadCodec.JSON);
    }

    private static MqttDirectSettings settings(MqttMapping mapping) {
        return MqttDirectSettings.builder().port(0).mapping(mapping).build();
    }

    private MqttDirectIngest start(MqttDirectSettings settings) {
        return start(settings, publisher);
    }

    private MqttDirectIngest start(MqttDirectSettings settings, dev.tributary.ingest.publish.Publisher through) {
        MqttDirectIngest mqtt = MqttDirectIngest.start(settings, through, registry);
        resources.add(mqtt);
        return mqtt;
    }

    private static Mqtt5AsyncClient alice(int port) {
        return Devices.mqtt5("alice-device", port).simpleAuth().username("alice")
                .password("alice-secret-1".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildAsync();
    }
}
