package dev.tributary.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tributary.ingest.publish.KafkaPublisher;
import dev.tributary.ingest.publish.PublisherSettings;
import dev.tributary.ingest.storage.internal.ObjectVersion;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.S3Endpoint;
import dev.tributary.testkit.S3ProxyServer;
import dev.tributary.testkit.WithLocalKafka;
import dev.tributary.testkit.WithS3;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Polling a real S3 API (s3proxy) with the checkpoint and the events on a real broker. Polls are driven by the test;
 * a restart is a poller closed and a new one opened on the same checkpoint, which polls once it is elected.
 */
@WithS3
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN, properties = {
        // A member learns of a new assignment at its next heartbeat: a fifth of a second here instead of five.
        "group.consumer.min.heartbeat.interval.ms=200",
        "group.consumer.heartbeat.interval.ms=200"})
@Timeout(60)
class StoragePollingIT {

    private final URI endpoint;
    private final String bootstrap;
    private final S3Client s3;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private KafkaPublisher publisher;

    StoragePollingIT(@S3Endpoint URI endpoint, @BootstrapServers String bootstrap) {
        this.endpoint = endpoint;
        this.bootstrap = bootstrap;
        this.s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(S3ProxyServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @BeforeEach
    void startPublisher() {
        publisher = KafkaPublisher.start(PublisherSettings.forBootstrapServers(bootstrap), registry, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        publisher.close();
        s3.close();
    }

    @Test
    void createOverwriteAndDeleteAreEachPublishedExactlyOnceAcrossRestarts() {
        StoragePollingSettings settings = settings("restarts", "restarts-bucket", "restarts-events");
        s3.createBucket(b -> b.bucket("restarts-bucket"));
        String v1 = put("restarts-bucket", "reports/q1.csv", "a,b\n1,2\n");
        put("restarts-bucket", "reports/notes.txt", "never changes");
        put("restarts-bucket", "elsewhere/ignored.txt", "outside the prefix");

        try (StoragePolling first = open(settings)) {
            assertThat(first.poll()).isEqualTo(new PollOutcome(2, 2, 0, 0));
        }
        try (StoragePolling second = open(settings)) {
            assertThat(second.poll()).as("a restart without changes publishes nothing")
                    .isEqualTo(new PollOutcome(2, 0, 0, 0));
            // An overwrite within the same second as the upload: s3proxy's LastModified cannot tell them apart.
            String v2 = put("restarts-bucket", "reports/q1.csv", "a,b\n1,2\n3,4\n");
            assertThat(v2).isNotEqualTo(v1);
            assertThat(second.poll()).isEqualTo(new PollOutcome(2, 0, 1, 0));
        }
        // Changed while no poller ran.
        s3.deleteObject(d -> d.bucket("restarts-bucket").key("reports/q1.csv"));
        String q2 = put("restarts-bucket", "reports/q2.csv", "c\n5\n");
        try (StoragePolling third = open(settings)) {
            assertThat(third.poll()).isEqualTo(new PollOutcome(2, 1, 0, 1));
            assertThat(third.poll().changes()).isZero();
        }

        List<ReceivedEvent> events = ReceivedEvent.readTopic(bootstrap, "restarts-events");
        assertThat(events).extracting(ReceivedEvent::summary).containsExactly("created reports/notes.txt",
                "created reports/q1.csv", "updated reports/q1.csv", "created reports/q2.csv", "deleted reports/q1.csv");
        assertThat(events).extracting(e -> e.event().getId()).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.recordKey()).isEqualTo(e.event().getSubject());
            assertThat(e.event().getSource()).hasToString("/tributary/storage/restarts");
            assertThat(e.data().get("bucket").asText()).isEqualTo("restarts-bucket");
        });
        assertThat(events.get(1).data().get("etag").asText()).isEqualTo(v1);
        assertThat(events.get(1).data().get("size").asLong()).isEqualTo(8);
        assertThat(events.get(3).data().get("etag").asText()).isEqualTo(q2);
        assertThat(events.get(4).data().get("etag").asText()).isEmpty();
        assertThat(events.get(4).data().get("kind").asText()).isEqualTo("DELETED");
    }

    @Test
    void startedItPollsOnItsOwnEveryInterval() {
        StoragePollingSettings settings = settings("scheduled", "scheduled-bucket", "scheduled-events")
                .withInterval(Duration.ofMillis(100));
        s3.createBucket(b -> b.bucket("scheduled-bucket"));
        RecordingPublisher recording = new RecordingPublisher();

        try (StoragePolling polling = StoragePolling.start(settings, recording, kafka(), registry, Clock.systemUTC())) {
            put("scheduled-bucket", "reports/new.csv", "x\n");

            // s3proxy writes an upload under a temporary key first, which a poll may see: wait for the object.
            await("the scheduled poll").atMost(Duration.ofSeconds(20)).until(
                    () -> recording.events().stream().map(event -> ReceivedEvent.of(event).summary()).toList(),
                    summaries -> summaries.contains("created reports/new.csv"));
        }
        assertThat(registry.get(StorageMetrics.POLL_DURATION).tag(StorageMetrics.TAG_SOURCE, "scheduled")
                .tag(StorageMetrics.TAG_OUTCOME, "success").timer().count()).isPositive();
    }

    @Test
    void aBucketThatDoesNotExistFailsThePollSayingSo() {
        try (StoragePolling polling = open(settings("missing", "no-such-bucket", "missing-events"))) {
            assertThatThrownBy(polling::poll).isInstanceOf(StoragePollException.class)
                    .hasMessageContaining("bucket 'no-such-bucket' does not exist at " + endpoint);
        }
    }

    private StoragePollingSettings settings(String name, String bucket, String topic) {
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        return StoragePollingSettings.of(name, topic, bucket,
                        S3Credentials.of(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY))
                .withEndpoint(endpoint)
                .withPrefix("reports/")
                .withPageSize(1); // every listing takes several pages
    }

    /** A poller of its own scope, once elected: it is the only member of its group. */
    private StoragePolling open(StoragePollingSettings settings) {
        StoragePolling polling = StoragePolling.open(settings, publisher, kafka(), registry, Clock.systemUTC());
        await("the only poller of " + settings.name() + " is elected").atMost(Duration.ofSeconds(20))
                .until(polling::isActive);
        return polling;
    }

    private Map<String, Object> kafka() {
        return Map.of("bootstrap.servers", bootstrap);
    }

    /** Uploads an object and returns its ETag without quotes. */
    private String put(String bucket, String key, String content) {
        return ObjectVersion.unquote(s3.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromString(content))
                .eTag());
    }
}
