package dev.tributary.ingest.http;

import static dev.tributary.ingest.testing.TestSettings.GITHUB_SECRET;
import static dev.tributary.ingest.testing.TestSettings.KEY_ALL;
import static dev.tributary.ingest.testing.TestSettings.KEY_TELEMETRY;
import static dev.tributary.ingest.testing.TopicRecords.header;
import static dev.tributary.ingest.testing.TopicRecords.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.KafkaPublisher;
import dev.tributary.ingest.publish.PublisherSettings;
import dev.tributary.ingest.testing.Hmac;
import dev.tributary.ingest.testing.IngestClient;
import dev.tributary.ingest.testing.IngestClient.Response;
import dev.tributary.ingest.testing.TestSettings;
import dev.tributary.ingest.testing.TopicRecords;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter over real HTTP against a real broker: every answer it gives a client, and what Kafka holds after a
 * 202, read back record by record.
 */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class HttpIngestIT {

    private static final String SUFFIX = "-it";
    private static final int MAX_BODY = 64 * 1024;
    private static final KafkaEventCodec CODEC = new KafkaEventCodec();

    private static String bootstrap;
    private static KafkaPublisher publisher;
    private static HttpIngest ingest;
    private static IngestClient client;
    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

    @BeforeAll
    static void start(@BootstrapServers String servers) {
        bootstrap = servers;
        for (String topic : List.of("telemetry", "orders", "events", "raw", "hooks")) {
            KafkaTestClients.createTopic(servers, topic + SUFFIX, 2, (short) 1, Map.of());
        }
        publisher = KafkaPublisher.start(PublisherSettings.forBootstrapServers(servers)
                .withReadinessInterval(Duration.ofMillis(200)), REGISTRY, Clock.systemUTC());
        ingest = HttpIngest.start(TestSettings.builder(SUFFIX).maxBodySize(MAX_BODY).build(), publisher, REGISTRY);
        client = new IngestClient(ingest.port());
        await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/health/ready").status() == 200);
    }

    @AfterAll
    static void stop() {
        ingest.close();
        publisher.close();
    }

    private static Map<String, String> auth(String key, String... more) {
        HashMap<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + key));
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    /** The record at the topic, partition and offset a 202 named. */
    private static ConsumerRecord<byte[], byte[]> recordAt(JsonNode ack) {
        return TopicRecords.at(bootstrap, ack.get("topic").asText(), ack.get("partition").asInt(),
                ack.get("offset").asLong());
    }

    private static List<String> idsOn(String topic) {
        return TopicRecords.readAll(bootstrap, topic).stream().map(record -> header(record, "ce_id")).toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void aBinaryModeEventIsOnItsTopicWithCeHeadersItsKeyAndItsBodyAfterA202() {
        String id = unique("bin");
        Response response = client.post("/events", auth(KEY_ALL, "ce-specversion", "1.0", "ce-id", id,
                "ce-source", "/sensors/7", "ce-type", "com.example.telemetry.reading", "ce-subject", "caf%C3%A9",
                "ce-partitionkey", "sensor-7", "ce-time", "2025-03-01T12:00:00Z", "Content-Type", "application/json"),
                "{\"celsius\":21.5}");

        assertThat(response.status()).as("%s", response).isEqualTo(202);
        assertThat(response.json().get("topic").asText()).isEqualTo("telemetry-it");
        ConsumerRecord<byte[], byte[]> record = recordAt(response.json());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(id);
        assertThat(header(record, "ce_source")).isEqualTo("/sensors/7");
        assertThat(header(record, "ce_type")).isEqualTo("com.example.telemetry.reading");
        assertThat(header(record, "ce_subject")).isEqualTo("café");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(text(record.key())).isEqualTo("sensor-7");
        assertThat(text(record.value())).isEqualTo("{\"celsius\":21.5}");
        KafkaEvent decoded = CODEC.decode(record);
        assertThat(decoded.contentMode()).isEqualTo(KafkaEvent.ContentMode.BINARY);
        assertThat(decoded.cloudEvent().getTime()).hasToString("2025-03-01T12:00Z");
    }

    @Test
    void aStructuredEventIsWrittenInBinaryModeWithItsJsonDataAsTheValue() {
        String id = unique("structured");
        Response response = client.post("/events", auth(KEY_ALL, "Content-Type", "application/cloudevents+json"),
                "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/shop\",\"type\":\"com.example.order.created\","
                        + "\"partitionkey\":\"customer-1\",\"data\":{\"total\":12.50}}");

        assertThat(response.status()).as("%s", response).isEqualTo(202);
        ConsumerRecord<byte[], byte[]> record = recordAt(response.json());
        assertThat(record.topic()).isEqualTo("orders-it");
        assertThat(header(record, "ce_id")).isEqualTo(id);
        assertThat(header(record, "ce_partitionkey")).isEqualTo("customer-1");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(text(record.key())).isEqualTo("customer-1");
        assertThat(text(record.value())).isEqualTo("{\"total\":12.50}");
    }

    @Test
    void aBatchIsAcknowledgedEventByEventInOrderWithEachOnItsTopic() {
        String first = unique("batch-a");
        String second = unique("batch-b");
        String third = unique("batch-c");
        Response response = client.post("/events", auth(KEY_ALL, "Content-Type", "application/cloudevents-batch+json"),
                "[" + event(first, "com.example.telemetry.x", "k") + "," + event(second, "com.example.other", "k") + ","
                        + event(third, "com.example.telemetry.x", "k") + "]");

        assertThat(response.status()).as("%s", response).isEqualTo(202);
        JsonNode acks = response.json();
        assertThat(acks).hasSize(3);
        assertThat(header(recordAt(acks.get(0)), "ce_id")).isEqualTo(first);
        assertThat(header(recordAt(acks.get(1)), "ce_id")).isEqualTo(second);
        assertThat(recordAt(acks.get(1)).topic()).isEqualTo("events-it");
        assertThat(header(recordAt(acks.get(2)), "ce_id")).isEqualTo(third);
        assertThat(acks.get(2).get("offset").asLong()).as("same key, same partition, in order")
                .isGreaterThan(acks.get(0).get("offset").asLong());
    }

    @Test
    void aBatchWithOneInvalidEventIsRejectedWholeAndNothingOfItReachesKafka() {
        String valid = unique("valid");
        String invalid = unique("invalid");
        Response response = client.post("/events", auth(KEY_ALL, "Content-Type", "application/cloudevents-batch+json"),
                "[" + event(valid, "com.example.telemetry.x", "k") + ",{\"specversion\":\"1.0\",\"id\":\"" + invalid
                        + "\",\"source\":\"/s\",\"type\":\"com.example.telemetry.x\",\"time\":\"noon\"}]");

        assertThat(response.status()).isEqualTo(400);
        JsonNode results = response.json().get("events");
        assertThat(results.get(0).get("status").asText()).isEqualTo("valid");
        assertThat(results.get(1).get("status").asText()).isEqualTo("invalid");
        assertThat(results.get(1).get("attribute").asText()).isEqualTo("time");
        assertThat(idsOn("telemetry-it")).doesNotContain(valid, invalid);
    }

    @Test
    void plainBytesToAnOpenTopicAreWrappedAsAnEventWithTheGivenKeyAndType() {
        byte[] bytes = {1, 2, (byte) 0xfe, (byte) 0xff};
        Response response = client.post("/topics/raw-it", Map.of("X-Api-Key", KEY_ALL,
                "Content-Type", "application/octet-stream", "X-Event-Type", "com.example.blob",
                "X-Partition-Key", "blob-1"), bytes);

        assertThat(response.status()).as("%s", response).isEqualTo(202);
        ConsumerRecord<byte[], byte[]> record = recordAt(response.json());
        assertThat(record.value()).isEqualTo(bytes);
        assertThat(record.key()).isEqualTo("blob-1".getBytes(StandardCharsets.UTF_8));
        assertThat(header(record, "ce_type")).isEqualTo("com.example.blob");
        assertThat(header(record, "ce_source")).isEqualTo("/tributary/http/topics/raw-it");
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
    }

    @Test
    void aSignedWebhookIsPublishedAndABadlySignedOneIsRefusedAndNotPublished() {
        String delivery = unique("delivery");
        String forged = unique("forged");
        byte[] body = "{\"repository\":{\"full_name\":\"octo/hello\"}}".getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + Hmac.sha256Hex(GITHUB_SECRET, body);

        Response signed = client.post("/webhooks/github", Map.of("Content-Type", "application/json",
                "X-Hub-Signature-256", signature, "X-GitHub-Delivery", delivery), body);
        Response tampered = client.post("/webhooks/github", Map.of("Content-Type", "application/json",
                "X-Hub-Signature-256", signature, "X-GitHub-Delivery", forged),
                "{\"repository\":{\"full_name\":\"evil/repo\"}}");
        Response unsigned = client.post("/webhooks/github", Map.of("X-GitHub-Delivery", forged), body);

        assertThat(signed.status()).as("%s", signed).isEqualTo(202);
        ConsumerRecord<byte[], byte[]> record = recordAt(signed.json());
        assertThat(header(record, "ce_id")).isEqualTo(delivery);
        assertThat(text(record.key())).isEqualTo("octo/hello");
        assertThat(record.value()).isEqualTo(body);
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(idsOn("hooks-it")).doesNotContain(forged);
    }

    @Test
    void apiKeysAreRequiredAndScopedToTheirTopics() {
        String denied = unique("denied");
        Response missing = client.post("/events", Map.of("Content-Type", "application/cloudevents+json"),
                event(unique("nokey"), "com.example.telemetry.x", "k"));
        Response wrong = client.post("/events", auth("wrong-key-0123456789", "Content-Type",
                "application/cloudevents+json"), event(unique("badkey"), "com.example.telemetry.x", "k"));
        Response forbidden = client.post("/events", auth(KEY_TELEMETRY, "Content-Type", "application/cloudevents+json"),
                event(denied, "com.example.order.created", "k"));
        Response allowed = client.post("/events", auth(KEY_TELEMETRY, "Content-Type", "application/cloudevents+json"),
                event(unique("allowed"), "com.example.telemetry.x", "k"));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("error").asText()).contains("may not write topic orders-it");
        assertThat(allowed.status()).isEqualTo(202);
        assertThat(idsOn("orders-it")).doesNotContain(denied);
    }

    @Test
    void clientMistakesGet4xxAnswersWithJsonErrors() {
        Response notFound = client.post("/nothing", auth(KEY_ALL), "{}");
        Response wrongMethod = client.get("/events");
        Response unsupported = client.post("/events", auth(KEY_ALL, "Content-Type", "text/plain"), "hello");
        Response invalid = client.post("/events", auth(KEY_ALL, "Content-Type", "application/cloudevents+json"),
                "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"noon\"}");

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("attribute").asText()).isEqualTo("time");
        for (Response response : List.of(notFound, wrongMethod, unsupported, invalid)) {
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(response.json().get("error").asText()).isNotBlank();
        }
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() {
        byte[] tooLarge = new byte[MAX_BODY + 1];
        Arrays.fill(tooLarge, (byte) 'x');

        Response declared = client.post("/topics/raw-it", auth(KEY_ALL), tooLarge);
        Response chunked = client.postChunked("/topics/raw-it", auth(KEY_ALL), tooLarge);
        Response atTheLimit = client.post("/topics/raw-it", auth(KEY_ALL), Arrays.copyOf(tooLarge, MAX_BODY));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("error").asText()).contains(MAX_BODY + " bytes");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(atTheLimit.status()).isEqualTo(202);
    }

    @Test
    void aRefusedClientThatExpectsContinueIsAnsweredBeforeItSendsTheBody() {
        Response response = client.postExpectingContinue("/events", Map.of("Content-Type",
                "application/cloudevents+json"), new byte[4_096]);

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void healthIsUpAndRoutesAreMetered() {
        assertThat(client.get("/health/live").status()).isEqualTo(200);
        Response ready = client.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("UP");

        client.post("/topics/raw-it", auth(KEY_ALL), "metered");

        await().atMost(Duration.ofSeconds(5)).until(() -> REGISTRY.get(IngestMetrics.HTTP_REQUESTS)
                .tags(IngestMetrics.TAG_ROUTE, "/topics/raw-it", IngestMetrics.TAG_STATUS, "202").counter().count() >= 1);
        assertThat(REGISTRY.get(IngestMetrics.HTTP_EVENTS).tags(IngestMetrics.TAG_ROUTE, "/topics/raw-it").counter()
                .count()).isGreaterThanOrEqualTo(1);
        assertThat(REGISTRY.get(IngestMetrics.KAFKA_REACHABLE).gauge().value()).isOne();
    }

    @Test
    void aPortInUseIsReportedWithTheWayOut() {
        HttpIngestSettings taken = TestSettings.builder(SUFFIX).port(ingest.port()).build();

        assertThatThrownBy(() -> HttpIngest.start(taken, publisher, REGISTRY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + ingest.port())
                .hasMessageContaining("choose a free port");
    }

    private static String event(String id, String type, String key) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/it\",\"type\":\"" + type + "\","
                + "\"partitionkey\":\"" + key + "\",\"data\":{\"n\":1}}";
    }
}
