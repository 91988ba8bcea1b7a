package dev.tributary.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tributary.dispatcher.http.HttpFunctionInvoker;
import dev.tributary.dispatcher.metrics.DispatcherMetrics;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A function behind HTTP, driven by the dispatcher against a real broker and a real HTTP server in this JVM:
 * key order through failures, the meters of the catalogue, and a concurrency limit that backs off when the
 * function says it is overloaded.
 */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class RemoteFunctionIT {

    private static final int KEYS = 50;
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
    /** Opened at the end of each test, so that stalled handlers return. */
    private final CountDownLatch release = new CountDownLatch(1);
    /** Per key, the sequence numbers the function accepted (answered 204), in the order it accepted them. */
    private final Map<String, List<Integer>> accepted = new ConcurrentHashMap<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void aThousandKeyedRecordsArriveInKeyOrderThrough503s500sAndTimeoutsAndTheMetersCountThem(
            @BootstrapServers String bootstrap) throws Exception {
        String topic = "remote-ordered";
        int records = 1_000;
        KafkaTestClients.createTopic(bootstrap, topic, 4, (short) 1, Map.of());
        Random random = new Random(7);
        // Decided up front, per record and first attempt, so the run is the same every time.
        Map<String, String> firstAnswer = new ConcurrentHashMap<>();
        for (int i = 0; i < records; i++) {
            int draw = random.nextInt(100);
            String answer = draw < 10 ? "503" : draw < 15 ? "500" : draw < 17 ? "stall" : "204";
            firstAnswer.put(key(i) + "/" + sequence(i), answer);
        }
        AtomicInteger failuresSent = new AtomicInteger();
        server.createContext("/fn", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("ce-partitionkey");
            int sequence = Integer.parseInt(body(exchange));
            String answer = firstAnswer.remove(key + "/" + sequence);
            switch (answer == null ? "204" : answer) {
                case "503" -> {
                    failuresSent.incrementAndGet();
                    respond(exchange, 503, Map.of("Retry-After", "0"));
                }
                case "500" -> {
                    failuresSent.incrementAndGet();
                    respond(exchange, 500, Map.of());
                }
                case "stall" -> {
                    failuresSent.incrementAndGet();
                    awaitRelease();
                    respond(exchange, 503, Map.of());
                }
                default -> {
                    accepted.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(sequence);
                    respond(exchange, 204, Map.of());
                }
            }
        });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FailureSettings failures = FailureSettings.DEFAULT.withTimeout(Duration.ofMillis(500))
                .withRetry(new RetryPolicy(10, Duration.ofMillis(10), Duration.ofMillis(100), 2.0, 0.2));

        try (DispatcherFixture fixture = new DispatcherFixture(bootstrap)) {
            DispatcherSettings settings = fixture.settings("remote", topic).withConcurrency(1, 32);
            FunctionDispatcher dispatcher = fixture.start(settings, failures,
                    invoker(fixture, "remote", settings.concurrency(), Duration.ofSeconds(5)),
                    DispatcherMetrics.create(registry, "remote", settings.concurrency()));
            produce(fixture, topic, records);

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(counter(registry, "success")).isEqualTo(records);
                assertThat(registry.find(DispatcherMetrics.CONSUMER_LAG).gauges()).hasSize(4)
                        .allSatisfy(gauge -> assertThat(gauge.value()).isZero());
            });

            assertThat(accepted).hasSize(KEYS);
            accepted.forEach((key, sequences) -> assertThat(sequences).as(key)
                    .containsExactlyElementsOf(IntStream.range(0, records / KEYS).boxed().toList()));
            assertThat(failuresSent.get()).as("the seeded answers failed some first attempts").isGreaterThan(100);
            assertThat(counter(registry, "failure")).isEqualTo(failuresSent.get());
            assertThat(counter(registry, "retry")).isEqualTo(failuresSent.get());
            assertThat(counter(registry, "dead_letter")).isZero();
            assertThat(registry.get(DispatcherMetrics.LATENCY).timer().count())
                    .isEqualTo(records + failuresSent.get());
            assertThat(registry.get(DispatcherMetrics.CONCURRENCY_LIMIT).gauge().value())
                    .isEqualTo(dispatcher.stats().concurrencyLimit()).isBetween(1.0, 32.0);
            assertThat(registry.get(DispatcherMetrics.RETRY_WAITING).gauge().value()).isZero();
            assertThat(registry.get(DispatcherMetrics.BLOCKED_KEYS).gauge().value()).isZero();
        }
    }

    @Test
    void aFunctionThatAnswers503BeyondItsCapacityBringsTheLimitDownAndRejectsFewCalls(
            @BootstrapServers String bootstrap) throws Exception {
        String topic = "remote-overloaded";
        int records = 2_000;
        int capacity = 4;
        int cap = 32;
        KafkaTestClients.createTopic(bootstrap, topic, 4, (short) 1, Map.of());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        server.createContext("/fn", exchange -> {
            body(exchange);
            if (running.incrementAndGet() > capacity) {
                running.decrementAndGet();
                rejected.incrementAndGet();
                respond(exchange, 503, Map.of("Retry-After", "0"));
                return;
            }
            try {
                // The function's own work: a few milliseconds, so that calls overlap.
                Thread.sleep(5);
                done.incrementAndGet();
                respond(exchange, 204, Map.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        });
        FailureSettings failures = FailureSettings.DEFAULT.withTimeout(Duration.ofSeconds(10))
                .withRetry(new RetryPolicy(1_000, Duration.ofMillis(5), Duration.ofMillis(50), 2.0, 0.2));

        try (DispatcherFixture fixture = new DispatcherFixture(bootstrap)) {
            DispatcherSettings settings = fixture.settings("overloaded", topic).withConcurrency(1, cap)
                    .withOrdering(OrderingMode.UNORDERED);
            FunctionDispatcher dispatcher = fixture.start(settings, failures,
                    invoker(fixture, "overloaded", cap, Duration.ofSeconds(10)), DispatcherMetrics.noop());
            produce(fixture, topic, records);

            await().atMost(WAIT).until(() -> dispatcher.stats().succeeded() == records);

            assertThat(done.get()).isEqualTo(records);
            assertThat(dispatcher.stats().concurrencyLimit()).as("the limit settled near the function's capacity")
                    .isLessThan(cap / 2);
            // At a fixed 32 in flight against a capacity of 4, about seven calls in eight would be turned away:
            // many times the number of records.
            assertThat(rejected.get()).as("calls turned away").isLessThan(records / 2);
        }
    }

    private HttpFunctionInvoker invoker(DispatcherFixture fixture, String name, int concurrency, Duration timeout) {
        return HttpFunctionInvoker.create(name, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fn"),
                Optional.empty(), fixture.producer(), timeout, concurrency, Optional.empty(), Clock.systemUTC());
    }

    private static void produce(DispatcherFixture fixture, String topic, int records) {
        KafkaEventCodec codec = new KafkaEventCodec();
        for (int i = 0; i < records; i++) {
            fixture.producer().send(codec.encode(topic, CloudEventBuilder.v1().withId("e" + i)
                    .withSource(URI.create("/test")).withType("com.example.reading")
                    .withExtension("partitionkey", key(i))
                    .withData("text/plain", Integer.toString(sequence(i)).getBytes(StandardCharsets.UTF_8)).build()));
        }
        fixture.producer().flush();
    }

    private static String key(int record) {
        return "device-" + record % KEYS;
    }

    private static int sequence(int record) {
        return record / KEYS;
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void awaitRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double counter(SimpleMeterRegistry registry, String outcome) {
        return registry.get(DispatcherMetrics.INVOCATIONS).tag(DispatcherMetrics.TAG_OUTCOME, outcome).counter().count();
    }
}
