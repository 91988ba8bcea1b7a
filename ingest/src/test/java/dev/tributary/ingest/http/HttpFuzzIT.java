package dev.tributary.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.ingest.publish.KafkaPublisher;
import dev.tributary.ingest.publish.PublisherSettings;
import dev.tributary.ingest.testing.IngestClient;
import dev.tributary.ingest.testing.RequestFuzzer;
import dev.tributary.ingest.testing.TestSettings;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random requests over real HTTP to the adapter on a real broker: what the unit-level fuzzing does, plus what only a
 * socket has (header parsing, bodies, connection handling). Never a 5xx; the adapter stays live and ready.
 */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class HttpFuzzIT {

    private static final long SEED = 7_919L;
    private static final int CASES = 400;
    private static final String SUFFIX = "-fuzz";

    @Test
    void randomRequestsOverHttpGet4xxOr2xxAndTheAdapterStaysHealthy(@BootstrapServers String bootstrap) {
        for (String topic : List.of("telemetry", "orders", "events", "raw", "hooks")) {
            KafkaTestClients.createTopic(bootstrap, topic + SUFFIX, 1, (short) 1, Map.of());
        }
        RequestFuzzer fuzzer = new RequestFuzzer(SEED, TestSettings.KEY_ALL, TestSettings.KEY_TELEMETRY);
        Map<Integer, Integer> statuses = new TreeMap<>();
        int refusedByTheClient = 0;

        try (KafkaPublisher publisher = KafkaPublisher.start(PublisherSettings.forBootstrapServers(bootstrap)
                .withReadinessInterval(Duration.ofMillis(200)), new SimpleMeterRegistry(), Clock.systemUTC());
             HttpIngest ingest = HttpIngest.start(TestSettings.builder(SUFFIX).keyPointer("/deviceId")
                     .maxBodySize(150).build(), publisher, new SimpleMeterRegistry())) {
            IngestClient client = new IngestClient(ingest.port());
            await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/health/ready").status() == 200);

            for (int i = 0; i < CASES; i++) {
                RequestFuzzer.Request request = fuzzer.next();
                IngestClient.Response response;
                try {
                    response = client.send(request.path(), request.method(), request.headers(),
                            HttpRequest.BodyPublishers.ofByteArray(request.body()), false);
                } catch (IllegalArgumentException e) {
                    // The JDK client will not send this path or header: nothing reaches the adapter.
                    refusedByTheClient++;
                    continue;
                }
                assertThat(response.status()).as("case %d: %s -> %s", i, request, response).isBetween(200, 499);
                statuses.merge(response.status(), 1, Integer::sum);
            }

            assertThat(refusedByTheClient).as("most cases reach the adapter").isLessThan(CASES / 10);
            assertThat(statuses).as("%s", statuses).containsKeys(202, 400, 401, 404, 413, 415);
            assertThat(client.get("/health/live").status()).isEqualTo(200);
            assertThat(client.get("/health/ready").status()).isEqualTo(200);
            assertThat(client.post("/topics/raw" + SUFFIX, Map.of("X-Api-Key", TestSettings.KEY_ALL), "after").status())
                    .isEqualTo(202);
        }
    }
}
