package dev.tributary.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tributary.ingest.publish.KafkaPublisher;
import dev.tributary.ingest.publish.PublisherSettings;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
 * Two replicas' pollers of one bucket and prefix against a real broker and a real S3 API (s3proxy): one is active
 * and publishes each change once, the other stands by, and takes over when the active one closes.
 */
@WithS3
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN, properties = {
        // A member learns of a new assignment at its next heartbeat: a fifth of a second here instead of five.
        "group.consumer.min.heartbeat.interval.ms=200",
        "group.consumer.heartbeat.interval.ms=200"})
@Timeout(90)
class StoragePollingReplicasIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String BUCKET = "replicas-bucket";
    private static final String TOPIC = "replicas-events";

    private final String bootstrap;
    private final S3Client s3;
    private final KafkaPublisher publisher;
    private final SimpleMeterRegistry metricsA = new SimpleMeterRegistry();
    private final SimpleMeterRegistry metricsB = new SimpleMeterRegistry();
    private final StoragePollingSettings settings;

    StoragePollingReplicasIT(@S3Endpoint URI endpoint, @BootstrapServers String bootstrap) {
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
        this.publisher = KafkaPublisher.start(PublisherSettings.forBootstrapServers(bootstrap),
                new SimpleMeterRegistry(), Clock.systemUTC());
        KafkaTestClients.createTopic(bootstrap, TOPIC, 1, (short) 1, Map.of());
        this.settings = StoragePollingSettings.of("replicas", TOPIC, BUCKET,
                        S3Credentials.of(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY))
                .withEndpoint(endpoint)
                .withPrefix("reports/")
                .withInterval(Duration.ofMillis(100));
    }

    @AfterEach
    void close() {
        publisher.close();
        s3.close();
    }

    @Test
    void oneOfTwoPollersOfAScopeIsActiveAndTheOtherTakesOverWhenItCloses() {
        s3.createBucket(b -> b.bucket(BUCKET));
        StoragePolling a = StoragePolling.start(settings, publisher, kafka(), metricsA, Clock.systemUTC());
        StoragePolling b = StoragePolling.start(settings, publisher, kafka(), metricsB, Clock.systemUTC());
        try {
            await("one poller is elected").atMost(PATIENCE).until(() -> a.isActive() || b.isActive());
            StoragePolling active = a.isActive() ? a : b;
            StoragePolling standby = active == a ? b : a;
            SimpleMeterRegistry activeMetrics = active == a ? metricsA : metricsB;
            SimpleMeterRegistry standbyMetrics = active == a ? metricsB : metricsA;

            put("reports/first.csv", "1\n");
            await("the first object's event").atMost(PATIENCE).until(() -> count("created reports/first.csv") == 1);
            // Two more polls of the active one after the event: a second poller publishing it would have done so.
            double polls = successfulPolls(activeMetrics);
            await("two more polls").atMost(PATIENCE).until(() -> successfulPolls(activeMetrics) >= polls + 2);
            assertThat(count("created reports/first.csv")).as("published once in steady state").isEqualTo(1);
            assertThat(standby.isActive()).isFalse();
            assertThat(successfulPolls(standbyMetrics)).as("the standby never listed the bucket").isZero();
            assertThat(activeGauge(activeMetrics) + activeGauge(standbyMetrics)).isEqualTo(1.0);
            assertThat(activeGauge(activeMetrics)).isEqualTo(1.0);
            assertThatThrownBy(standby::poll).isInstanceOf(StandbyPollerException.class)
                    .hasMessageContaining("storage poller 'replicas' of bucket '" + BUCKET + "' under 'reports/' is "
                            + "on standby");

            active.close();
            await("the other poller takes over").atMost(PATIENCE).until(standby::isActive);
            assertThat(activeGauge(standbyMetrics)).isEqualTo(1.0);
            put("reports/second.csv", "2\n");
            await("the second object's event").atMost(PATIENCE).until(() -> count("created reports/second.csv") == 1);
            double pollsAfterHandover = successfulPolls(standbyMetrics);
            await("two more polls").atMost(PATIENCE)
                    .until(() -> successfulPolls(standbyMetrics) >= pollsAfterHandover + 2);
            assertThat(count("created reports/first.csv")).as("a clean handover publishes nothing again")
                    .isEqualTo(1);
            assertThat(count("created reports/second.csv")).isEqualTo(1);
        } finally {
            a.close();
            b.close();
        }
    }

    private long count(String summary) {
        List<String> summaries = ReceivedEvent.readTopic(bootstrap, TOPIC).stream().map(ReceivedEvent::summary)
                .toList();
        return Collections.frequency(summaries, summary);
    }

    private static double successfulPolls(SimpleMeterRegistry registry) {
        return registry.get(StorageMetrics.POLL_DURATION).tag(StorageMetrics.TAG_OUTCOME, "success").timer().count();
    }

    private static double activeGauge(SimpleMeterRegistry registry) {
        return registry.get(StorageMetrics.POLLER_ACTIVE).tag(StorageMetrics.TAG_SOURCE, "replicas").gauge().value();
    }

    private Map<String, Object> kafka() {
        return Map.of("bootstrap.servers", bootstrap);
    }

    private void put(String key, String content) {
        s3.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromString(content));
    }
}
