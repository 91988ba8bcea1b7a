package dev.tributary.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import dev.tributary.embedded.Ports;
import dev.tributary.testkit.KafkaTestClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary dev} with the ingest adapters of its config, as a user tries them: CloudEvents posted with an
 * HTTP client land on the routed topics with their {@code ce_*} headers and key, malformed ones get a 4xx, a
 * cron schedule ticks, bucket notifications and files in a watched directory become storage events, and a
 * device's MQTT message lands keyed by its id once acknowledged.
 */
class DevIngestIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void httpIngestAndCronPublishToTheEmbeddedBroker() throws Exception {
        int httpPort = Ports.freePort();
        int mqttPort = Ports.freePort();
        int kafkaPort = Ports.freePort();
        String bootstrap = "127.0.0.1:" + kafkaPort;
        Path inbox = Files.createDirectory(dataDir.resolve("inbox"));
        Path config = dataDir.resolve("tributary.yaml");
        Files.writeString(config, """
                ingest:
                  http:
                    port: %d
                    auth: none
                    routes:
                      - match: { type: { prefix: com.example.telemetry } }
                        topic: telemetry
                    defaultTopic: events
                  cron:
                    schedules:
                      - name: every-second
                        expression: "* * * * * ?"
                        topic: ticks
                  storage:
                    webhooks:
                      - { name: uploads, topic: uploads }
                    directories:
                      - { name: inbox, topic: files, path: inbox, interval: 100ms }
                  mqtt:
                    direct:
                      port: %d
                      mappings:
                        - { filter: "devices/+/telemetry", topic: device-telemetry, key: "{1}", codec: json }
                """.formatted(httpPort, mqttPort));
        List<String> args = new ArrayList<>(List.of("dev", "--data-dir", dataDir.toString(), "--admin-port", "0",
                "--kafka-port", String.valueOf(kafkaPort), "--no-registry", "--config", config.toString()));

        try (LauncherProcess dev = LauncherProcess.start(args.toArray(String[]::new))) {
            dev.awaitOutput("Press Ctrl-C to stop.", START);
            String base = "http://127.0.0.1:" + httpPort;
            assertThat(dev.out()).anyMatch(line -> line.contains("HTTP ingest              " + base));
            assertThat(dev.out()).anyMatch(line -> line.contains("Cron schedule            every-second"));

            HttpResponse<String> binary = post(base + "/events", Map.of(
                    "ce-specversion", "1.0", "ce-type", "com.example.telemetry.reading", "ce-source", "/devices/d1",
                    "ce-id", "A234-1234-1234", "ce-partitionkey", "d1", "Content-Type", "application/json"),
                    "{\"temperature\":21.5}");
            assertThat(binary.statusCode()).as(binary.body()).isEqualTo(202);
            assertThat(binary.body()).contains("\"topic\":\"telemetry\"").contains("\"offset\":0");

            HttpResponse<String> structured = post(base + "/events",
                    Map.of("Content-Type", "application/cloudevents+json"), """
                    {"specversion":"1.0","type":"com.github.pull_request.opened","source":"https://github.com/cloudevents/spec/pull",
                     "subject":"123","id":"A234-1234-1234","time":"2018-04-05T17:31:00Z","datacontenttype":"text/xml",
                     "data":"<much wow=\\"xml\\"/>"}""");
            assertThat(structured.statusCode()).as(structured.body()).isEqualTo(202);
            assertThat(structured.body()).contains("\"topic\":\"events\"");

            HttpResponse<String> noId = post(base + "/events", Map.of("ce-specversion", "1.0", "ce-type", "t",
                    "ce-source", "/s", "Content-Type", "application/json"), "{}");
            assertThat(noId.statusCode()).isEqualTo(400);
            assertThat(noId.body()).contains("id");

            List<ConsumerRecord<String, String>> telemetry = KafkaTestClients.readTopic(bootstrap, "telemetry", WAIT);
            assertThat(telemetry).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("d1");
                assertThat(record.value()).isEqualTo("{\"temperature\":21.5}");
                assertThat(header(record, "ce_id")).isEqualTo("A234-1234-1234");
                assertThat(header(record, "ce_type")).isEqualTo("com.example.telemetry.reading");
            });
            assertThat(KafkaTestClients.readTopic(bootstrap, "events", WAIT)).singleElement()
                    .satisfies(record -> assertThat(header(record, "ce_subject")).isEqualTo("123"));

            await().atMost(WAIT).untilAsserted(() -> assertThat(KafkaTestClients.readTopic(bootstrap, "ticks", WAIT))
                    .isNotEmpty().allSatisfy(tick -> assertThat(tick.key()).isEqualTo("every-second")));

            HttpResponse<String> notification = post(base + "/storage/uploads",
                    Map.of("Content-Type", "application/json"), S3_OBJECT_CREATED);
            assertThat(notification.statusCode()).as(notification.body()).isEqualTo(202);
            assertThat(KafkaTestClients.readTopic(bootstrap, "uploads", WAIT)).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("reports/q1.csv");
                assertThat(header(record, "ce_type")).isEqualTo("dev.tributary.storage.object.created");
            });

            Mqtt5BlockingClient device = MqttClient.builder().useMqttVersion5().identifier("d1")
                    .serverHost("127.0.0.1").serverPort(mqttPort).buildBlocking();
            device.connect();
            Mqtt5PublishResult published = device.publishWith().topic("devices/d1/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"temperature\":20.5}".getBytes(StandardCharsets.UTF_8)).send();
            device.disconnect();
            assertThat(published.getError()).isEmpty();
            assertThat(KafkaTestClients.readTopic(bootstrap, "device-telemetry", WAIT)).singleElement()
                    .satisfies(record -> {
                        assertThat(record.key()).isEqualTo("d1");
                        assertThat(record.value()).isEqualTo("{\"temperature\":20.5}");
                    });

            Files.writeString(inbox.resolve("reading.json"), "{\"t\":1}");
            await().atMost(WAIT).untilAsserted(() -> assertThat(KafkaTestClients.readTopic(bootstrap, "files", WAIT))
                    .anySatisfy(record -> assertThat(record.key()).isEqualTo("reading.json")));

            dev.signal("TERM");
            assertThat(dev.awaitExit(Duration.ofSeconds(20))).isEqualTo(ExitCodes.OK);
        }
    }

    private static final String S3_OBJECT_CREATED = """
            {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1",
              "eventTime":"2025-03-01T12:00:00.000Z","eventName":"ObjectCreated:Put",
              "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"acme","arn":"arn:aws:s3:::acme"},
                    "object":{"key":"reports/q1.csv","size":1024,"eTag":"d41d8cd98f00b204e9800998ecf8427e",
                              "sequencer":"0055AED6DCD90281E5"}}}]}""";

    private HttpResponse<String> post(String url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
