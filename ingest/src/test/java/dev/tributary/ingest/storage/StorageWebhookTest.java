package dev.tributary.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.ingest.publish.PublishException;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The storage webhook with S3 and MinIO notification samples (test resources written after the formats in the AWS
 * and MinIO documentation), a publisher without Kafka and a clock the test moves.
 */
class StorageWebhookTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SettableClock clock = SettableClock.at("2025-03-01T12:00:05Z");
    private final StorageWebhook webhook = StorageWebhook.create(
            StorageWebhookSettings.of("uploads", "storage-events")
                    .withDedup(new DedupSettings(Duration.ofMinutes(10), 1000)),
            publisher, registry, clock);

    @Test
    void anS3NotificationBecomesOneCreatedEventPerRecordWithTheDecodedKey() {
        WebhookReply reply = post(sample("aws-object-created.json"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(json(reply)).isEqualTo(json("{\"published\":2,\"duplicates\":0,\"ignored\":0}"));
        assertThat(publisher.published()).allSatisfy(event -> assertThat(event.topic()).isEqualTo("storage-events"));
        List<ReceivedEvent> events = received();
        assertThat(events).extracting(ReceivedEvent::summary).containsExactly(
                "created invoices/2025/March report(2).pdf", "created videos/launch.mp4");
        ReceivedEvent first = events.getFirst();
        CloudEvent event = first.event();
        assertThat(event.getType()).isEqualTo(StorageEvents.CREATED);
        assertThat(event.getSource()).hasToString("/tributary/storage/uploads");
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2025-03-01T12:00:00.123Z"));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(first.recordKey()).isEqualTo("invoices/2025/March report(2).pdf");
        assertThat(first.data()).isEqualTo(json("{\"bucket\":\"acme-uploads\","
                + "\"key\":\"invoices/2025/March report(2).pdf\",\"size\":48213,"
                + "\"etag\":\"9b2cf535f27731c974343645a3985328\",\"kind\":\"CREATED\","
                + "\"time\":\"2025-03-01T12:00:00.123Z\"}"));
        assertThat(events.get(1).data().get("etag").asText()).isEqualTo("d8e8fca2dc0f896fd7cb4cb0031ba249-14");
        assertThat(events.get(1).data().get("size").asLong()).isEqualTo(73_400_320L);
        assertThat(events).extracting(e -> e.event().getId()).doesNotHaveDuplicates();
        assertThat(publishedCount("created")).isEqualTo(2);
    }

    @Test
    void anS3DeleteMarkerBecomesADeletedEventWithoutSizeOrEtag() {
        WebhookReply reply = post(sample("aws-object-removed.json"));

        assertThat(reply.status()).isEqualTo(202);
        ReceivedEvent deleted = received().getFirst();
        assertThat(deleted.event().getType()).isEqualTo(StorageEvents.DELETED);
        assertThat(deleted.event().getSubject()).isEqualTo("invoices/2025/March report(2).pdf");
        assertThat(deleted.data().get("kind").asText()).isEqualTo("DELETED");
        assertThat(deleted.data().get("size").asLong()).isZero();
        assertThat(deleted.data().get("etag").asText()).isEmpty();
        assertThat(deleted.data().get("time").asText()).isEqualTo("2025-03-01T12:05:00Z");
    }

    @Test
    void minioNotificationsAreReadLikeS3Ones() {
        assertThat(post(sample("minio-object-created.json")).status()).isEqualTo(202);
        assertThat(post(sample("minio-object-removed.json")).status()).isEqualTo(202);

        List<ReceivedEvent> events = received();
        assertThat(events).extracting(ReceivedEvent::summary).containsExactly(
                "created 2025/03/01/device-17.csv", "deleted 2025/03/01/device-17.csv");
        assertThat(events.getFirst().data().get("bucket").asText()).isEqualTo("sensor-data");
        assertThat(events.getFirst().data().get("size").asLong()).isEqualTo(2586);
        assertThat(events.getFirst().event().getTime()).isEqualTo(OffsetDateTime.parse("2025-03-01T12:00:00.512Z"));
    }

    @Test
    void aRedeliveryWithinTheWindowIsDroppedAndAfterItPublishedAgainWithTheSameId() {
        post(sample("minio-object-created.json"));

        WebhookReply again = post(sample("minio-object-created.json"));

        assertThat(again.status()).as("a duplicate is still a success for the store").isEqualTo(202);
        assertThat(json(again)).isEqualTo(json("{\"published\":0,\"duplicates\":1,\"ignored\":0}"));
        assertThat(publisher.published()).hasSize(1);
        assertThat(registry.get(StorageMetrics.DUPLICATES).tag(StorageMetrics.TAG_SOURCE, "uploads").counter()
                .count()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(10).plusMillis(1));
        assertThat(json(post(sample("minio-object-created.json"))).get("published").asInt()).isEqualTo(1);

        List<CloudEvent> events = publisher.events();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getId()).as("a redelivery keeps its event id, for consumers to drop it")
                .isEqualTo(events.getFirst().getId());
    }

    @Test
    void aRecordRepeatedWithinOneBodyIsPublishedOnce() {
        JsonNode body = json(sample("minio-object-created.json"));
        ((ArrayNode) body.get("Records")).add(body.get("Records").get(0).deepCopy());

        WebhookReply reply = post(body.toString());

        assertThat(json(reply)).isEqualTo(json("{\"published\":1,\"duplicates\":1,\"ignored\":0}"));
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void aDeliveryThatKafkaDidNotTakeIsAnswered503AndNotRememberedSoItsRetryIsPublished() {
        publisher.failWith(PublishException.Reason.UNAVAILABLE);

        WebhookReply refused = post(sample("aws-object-created.json"));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers()).containsEntry("Retry-After", "5");
        assertThat(json(refused).get("reason").asText()).isEqualTo("UNAVAILABLE");

        publisher.recover();
        WebhookReply retried = post(sample("aws-object-created.json"));

        assertThat(retried.status()).isEqualTo(202);
        assertThat(json(retried).get("published").asInt()).isEqualTo(2);
        assertThat(publisher.published()).hasSize(2);
    }

    @ParameterizedTest(name = "{0} is answered {1}")
    @CsvSource({"BUSY, 503", "CLOSED, 503", "TOO_LARGE, 413", "INVALID, 400", "REJECTED, 500"})
    void publishFailuresAreAnsweredWithWhatTheStoreCanDoAboutThem(PublishException.Reason reason, int status) {
        publisher.failWith(reason);

        WebhookReply reply = post(sample("minio-object-created.json"));

        assertThat(reply.status()).isEqualTo(status);
        assertThat(json(reply).get("reason").asText()).isEqualTo(reason.name());
        assertThat(json(reply).get("error").asText()).contains(reason.name());
    }

    @Test
    void eventsThatDoNotChangeAnObjectAreIgnoredAndAcknowledged() {
        WebhookReply reply = post(sample("minio-object-accessed.json"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(json(reply)).isEqualTo(json("{\"published\":0,\"duplicates\":0,\"ignored\":1}"));
        assertThat(publisher.published()).isEmpty();
        assertThat(registry.get(StorageMetrics.IGNORED).counter().count()).isEqualTo(1);
    }

    @Test
    void theS3TestEventIsAcknowledgedWithoutPublishing() {
        WebhookReply reply = post(sample("aws-test-event.json"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(json(reply).get("published").asInt()).isZero();
        assertThat(publisher.published()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an empty body                 | ''                                   | body",
            "not JSON                      | '{\"Records\": [}'                   | body",
            "a JSON array                  | '[1, 2]'                             | body",
            "no Records                    | '{\"detail-type\": \"Object Created\"}' | Records",
            "Records not an array          | '{\"Records\": {}}'                  | Records"})
    void aBodyThatIsNotANotificationIsRefusedWith400NamingWhy(String what, String body, String field) {
        WebhookReply reply = post(body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(json(reply).get("field").asText()).isEqualTo(field);
        assertThat(json(reply).get("error").asText()).startsWith(field + ": ").contains("Records");
        assertThat(publisher.published()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/Records/1/s3/object     | key       | | Records[1].s3.object.key: is missing",
            "/Records/1/s3/object     | size      | -3 | Records[1].s3.object.size: is the number -3, not a size in bytes",
            "/Records/1/s3/object     | eTag      | 17 | Records[1].s3.object.eTag: is the number 17, not a non-empty string",
            "/Records/1/s3/object     | key       | '\"100%.txt\"' | Records[1].s3.object.key: '100%.txt' is not URL-encoded",
            "/Records/1               | eventTime | '\"yesterday\"' | Records[1].eventTime: 'yesterday' is not an ISO-8601 time",
            "/Records/1               | eventName | '\"Object Created\"' | Records[1].eventName: 'Object Created' is not an S3 event name",
            "/Records/1/s3/bucket     | name      | '\"\"' | Records[1].s3.bucket.name: is an empty string",
            "/Records/1               | s3        | '[]' | Records[1].s3: is an array, not an object"})
    void aRecordWithABadFieldRefusesTheWholeBodyWith400NamingTheField(String parent, String field, String value,
                                                                       String message) {
        JsonNode body = json(sample("aws-object-created.json"));
        ObjectNode target = (ObjectNode) body.at(parent);
        if (value == null) {
            target.remove(field);
        } else {
            target.set(field, json(value));
        }

        WebhookReply reply = post(body.toString());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(json(reply).get("error").asText()).startsWith(message);
        assertThat(publisher.published()).as("the valid first record is not published either").isEmpty();
    }

    private WebhookReply post(String body) {
        try {
            return webhook.handle(body.getBytes(StandardCharsets.UTF_8)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the webhook did not answer", e);
        }
    }

    private List<ReceivedEvent> received() {
        return publisher.events().stream().map(ReceivedEvent::of).toList();
    }

    private double publishedCount(String kind) {
        return registry.get(StorageMetrics.EVENTS).tag(StorageMetrics.TAG_SOURCE, "uploads")
                .tag(StorageMetrics.TAG_MODE, "webhook").tag(StorageMetrics.TAG_KIND, kind).counter().count();
    }

    static String sample(String name) {
        try (InputStream in = StorageWebhookTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(WebhookReply reply) {
        return json(reply.body());
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
