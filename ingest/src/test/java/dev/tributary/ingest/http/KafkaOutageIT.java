package dev.tributary.ingest.http;

import static dev.tributary.ingest.testing.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.ingest.publish.KafkaPublisher;
import dev.tributary.ingest.publish.PublisherSettings;
import dev.tributary.ingest.testing.IngestClient;
import dev.tributary.ingest.testing.IngestClient.Response;
import dev.tributary.ingest.testing.TopicRecords;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.LocalKafka;
import dev.tributary.testkit.WithLocalKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement guarantee across a Kafka outage, with clients sending all along: while the broker is down
 * every request is refused with 503 and {@code Retry-After} within the delivery timeout, nothing is acknowledged,
 * and readiness fails; once it is back, every event that was acknowledged is on the topic exactly once. With the
 * in-flight budget full, requests are refused at once rather than queued.
 */
@WithLocalKafka
class KafkaOutageIT {

    private static final String TOPIC = "outage";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(2);
    /** Time for the answer to travel back and for a loaded test machine to schedule it. */
    private static final Duration ANSWER_SLACK = Duration.ofMillis(1_500);
    private static final int CLIENTS = 4;

    /** One request and its answer, with when each happened. */
    record Exchange(String id, int status, String retryAfter, String reason, long sentNanos, long answeredNanos) {
        Duration took() {
            return Duration.ofNanos(answeredNanos - sentNanos);
        }
    }

    @Test
    void whileKafkaIsDownRequestsAre503AndNothingIsAcknowledgedAndAfterwardsEveryAcknowledgedEventIsThereOnce(
            LocalKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        KafkaTestClients.createTopic(bootstrap, TOPIC, 3, (short) 1, Map.of());
        PublisherSettings settings = PublisherSettings.forBootstrapServers(bootstrap)
                .withDeliveryTimeout(DELIVERY_TIMEOUT).withReadinessInterval(Duration.ofMillis(200));
        Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        long down;
        long up;

        try (KafkaPublisher publisher = KafkaPublisher.start(settings, new SimpleMeterRegistry(), Clock.systemUTC());
             HttpIngest ingest = HttpIngest.start(HttpIngestSettings.builder().port(0).auth(AuthMode.NONE)
                     .defaultTopic(TOPIC).build(), publisher, new SimpleMeterRegistry());
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            IngestClient client = new IngestClient(ingest.port());
            await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/health/ready").status() == 200);
            AtomicInteger counter = new AtomicInteger();
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (sending.get()) {
                        exchanges.add(send(client, "event-" + counter.incrementAndGet()));
                    }
                });
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted(exchanges) >= 200);

            kafka.stopBroker(0);
            down = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/health/ready").status() == 503);
            await().atMost(Duration.ofSeconds(30)).until(() -> refusedAfter(exchanges, down) >= 2 * CLIENTS);
            up = System.nanoTime();
            kafka.startBroker(0);

            await().atMost(Duration.ofSeconds(60)).until(() -> client.get("/health/ready").status() == 200);
            int acceptedBeforeRecovery = accepted(exchanges);
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted(exchanges) >= acceptedBeforeRecovery + 200);
            sending.set(false);
        }

        List<Exchange> all = new ArrayList<>(exchanges);
        List<Exchange> acknowledged = all.stream().filter(exchange -> exchange.status() == 202).toList();
        List<Exchange> refused = all.stream().filter(exchange -> exchange.status() == 503).toList();
        assertThat(all).as("every answer is a 202 or a 503").allMatch(e -> e.status() == 202 || e.status() == 503);
        assertThat(all).as("nothing sent while the broker was down is acknowledged")
                .filteredOn(exchange -> exchange.sentNanos() > down && exchange.answeredNanos() < up)
                .isNotEmpty().allMatch(exchange -> exchange.status() == 503);
        assertThat(refused).as("refusals come within the delivery timeout, and say when to retry").isNotEmpty()
                .allSatisfy(exchange -> {
                    assertThat(exchange.took()).isLessThan(DELIVERY_TIMEOUT.plus(ANSWER_SLACK));
                    assertThat(exchange.retryAfter()).isEqualTo("5");
                });

        Map<String, Long> copies = TopicRecords.readAll(kafka.bootstrapServers(), TOPIC).stream()
                .collect(Collectors.groupingBy(record -> header(record, "ce_id"), Collectors.counting()));
        assertThat(acknowledged).as("every acknowledged event is on the topic exactly once")
                .allSatisfy(exchange -> assertThat(copies.get(exchange.id())).as(exchange.id()).isEqualTo(1L));
        assertThat(copies.values()).as("no event was written twice, acknowledged or not").allMatch(n -> n == 1L);
    }

    @Test
    void whileKafkaIsDownAFullInFlightBudgetRefusesAtOnceInsteadOfQueueing(LocalKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        KafkaTestClients.createTopic(bootstrap, TOPIC + "-down", 1, (short) 1, Map.of());
        PublisherSettings settings = PublisherSettings.forBootstrapServers(bootstrap)
                .withDeliveryTimeout(DELIVERY_TIMEOUT).withReadinessInterval(Duration.ofMillis(200))
                .withMaxInFlight(1, 1024 * 1024);

        try (KafkaPublisher publisher = KafkaPublisher.start(settings, new SimpleMeterRegistry(), Clock.systemUTC());
             HttpIngest ingest = HttpIngest.start(HttpIngestSettings.builder().port(0).auth(AuthMode.NONE)
                     .defaultTopic(TOPIC + "-down").build(), publisher, new SimpleMeterRegistry());
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            IngestClient client = new IngestClient(ingest.port());
            assertThat(send(client, "before").status()).isEqualTo(202);

            kafka.stopBroker(0);
            Exchange waiting;
            Exchange refusedAtOnce;
            try {
                Future<Exchange> first = clients.submit(() -> send(client, "holds-the-budget"));
                await().atMost(Duration.ofSeconds(10)).until(() -> publisher.inFlight().events() == 1);
                refusedAtOnce = send(client, "finds-it-full");
                waiting = first.get(30, TimeUnit.SECONDS);
            } finally {
                kafka.startBroker(0);
            }

            assertThat(refusedAtOnce.status()).isEqualTo(503);
            assertThat(refusedAtOnce.reason()).isEqualTo("BUSY");
            assertThat(refusedAtOnce.took()).as("refused without waiting for Kafka").isLessThan(DELIVERY_TIMEOUT);
            assertThat(waiting.status()).isEqualTo(503);
            assertThat(waiting.reason()).isEqualTo("UNAVAILABLE");
            assertThat(waiting.took()).isLessThan(DELIVERY_TIMEOUT.plus(ANSWER_SLACK));
        }
    }

    private static Exchange send(IngestClient client, String id) {
        long sent = System.nanoTime();
        Response response = client.post("/events", Map.of("ce-specversion", "1.0", "ce-id", id, "ce-source", "/outage",
                "ce-type", "com.example.outage", "ce-partitionkey", "key-" + (id.hashCode() % 16),
                "Content-Type", "text/plain"), id);
        String reason = response.status() == 503 ? response.json().get("reason").asText() : null;
        return new Exchange(id, response.status(), response.header("Retry-After"), reason, sent, System.nanoTime());
    }

    private static int accepted(Queue<Exchange> exchanges) {
        return (int) exchanges.stream().filter(exchange -> exchange.status() == 202).count();
    }

    private static long refusedAfter(Queue<Exchange> exchanges, long nanos) {
        return exchanges.stream().filter(exchange -> exchange.status() == 503 && exchange.sentNanos() > nanos).count();
    }
}
