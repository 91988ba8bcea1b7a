package dev.tributary.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.dispatcher.metrics.DispatcherMetrics;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.RetryableException;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The dispatcher's meters against a real broker: invocations counted, and the lag that scaling reads. */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class MetricsIT {

    private static final String IN = "metrics-in";
    private static final String FUNCTION = "metered";
    private static final int RECORDS = 30;

    /** Holds every invocation until the test opens the gate. */
    static final class Gated implements EventFunction<byte[]> {
        final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public void handle(Event<byte[]> event, Context context) throws Exception {
            gate.await();
        }
    }

    @Test
    void lagCountsRecordsNotDoneThenSuccessesAreCountedAndLagReachesZero(@BootstrapServers String bootstrap)
            throws Exception {
        KafkaTestClients.createTopic(bootstrap, IN, 2, (short) 1, Map.of());
        KafkaEventCodec codec = new KafkaEventCodec();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(codec.encode(IN, CloudEventBuilder.v1().withId("e" + i).withSource(URI.create("/test"))
                        .withType("com.example.reading").withExtension("partitionkey", "k" + i)
                        .withData(("event " + i).getBytes(StandardCharsets.UTF_8)).build()));
            }
            producer.flush();
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Gated function = new Gated();

        try (DispatcherFixture fixture = new DispatcherFixture(bootstrap)) {
            DispatcherSettings settings = fixture.settings(FUNCTION, IN);
            fixture.start(settings, FailureSettings.DEFAULT, function, Optional.empty(),
                    DispatcherMetrics.create(registry, FUNCTION, settings.concurrency()));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(registry.find(DispatcherMetrics.CONSUMER_LAG).gauges()).hasSize(2);
                assertThat(totalLag(registry)).as("every record read, none done").isEqualTo(RECORDS);
                assertThat(registry.get(DispatcherMetrics.IN_FLIGHT).gauge().value()).isPositive();
                assertThat(registry.get(DispatcherMetrics.OLDEST_IN_FLIGHT_AGE).gauge().value())
                        .as("the held invocations have been running a while").isPositive();
                assertThat(registry.get(DispatcherMetrics.TIME_TO_DRAIN).gauge().value())
                        .as("records wait and none get done").isInfinite();
            });
            assertThat(successes(registry)).isZero();

            function.gate.countDown();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(successes(registry)).isEqualTo(RECORDS);
                assertThat(registry.find(DispatcherMetrics.CONSUMER_LAG).gauges())
                        .hasSize(2).allSatisfy(gauge -> assertThat(gauge.value()).isZero());
                assertThat(registry.get(DispatcherMetrics.TIME_TO_DRAIN).gauge().value()).isZero();
                assertThat(registry.get(DispatcherMetrics.RATE).gauge().value()).isPositive();
            });
            assertThat(registry.get(DispatcherMetrics.LATENCY).timer().count()).isEqualTo(RECORDS);
            assertThat(registry.get(DispatcherMetrics.INVOCATIONS).tag(DispatcherMetrics.TAG_OUTCOME, "failure")
                    .counter().count()).isZero();
        }
        assertThat(registry.find(DispatcherMetrics.CONSUMER_LAG).gauges())
                .as("a stopped dispatcher reports no partitions").isEmpty();
    }

    /** Fails every event of key {@code stuck} until the test opens the gate. */
    static final class StuckKey implements EventFunction<byte[]> {
        volatile boolean open;

        @Override
        public void handle(Event<byte[]> event, Context context) {
            boolean stuck = event.key().map(key -> new String(key, StandardCharsets.UTF_8))
                    .filter("stuck"::equals).isPresent();
            if (!open && stuck) {
                throw new RetryableException("the stuck key's downstream is away");
            }
        }
    }

    @Test
    void aKeyWaitingToBeRetriedIsCountedAsBlockedWithTheRecordsQueuedBehindIt(@BootstrapServers String bootstrap)
            throws Exception {
        String topic = "metrics-blocked";
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        KafkaEventCodec codec = new KafkaEventCodec();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 20; i++) {
                producer.send(codec.encode(topic, CloudEventBuilder.v1().withId("b" + i)
                        .withSource(URI.create("/test")).withType("com.example.reading")
                        .withExtension("partitionkey", i % 2 == 0 ? "stuck" : "free-" + i)
                        .withData(("event " + i).getBytes(StandardCharsets.UTF_8)).build()));
            }
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StuckKey function = new StuckKey();
        FailureSettings failures = FailureSettings.DEFAULT.withRetry(
                new RetryPolicy(1_000, Duration.ofMillis(100), Duration.ofMillis(100), 1.0, 0.0));

        try (DispatcherFixture fixture = new DispatcherFixture(bootstrap)) {
            DispatcherSettings settings = fixture.settings("blocked", topic);
            fixture.start(settings, failures, function, Optional.empty(),
                    DispatcherMetrics.create(registry, "blocked", settings.concurrency()));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(registry.get(DispatcherMetrics.BLOCKED_KEYS).gauge().value()).isEqualTo(1);
                assertThat(registry.get(DispatcherMetrics.BLOCKED_RECORDS).gauge().value())
                        .as("the other nine records of the stuck key").isEqualTo(9);
                assertThat(registry.get(DispatcherMetrics.INVOCATIONS).tag(DispatcherMetrics.TAG_OUTCOME, "success")
                        .counter().count()).as("the free keys went on").isEqualTo(10);
            });

            function.open = true;

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(registry.get(DispatcherMetrics.INVOCATIONS).tag(DispatcherMetrics.TAG_OUTCOME, "success")
                        .counter().count()).isEqualTo(20);
                assertThat(registry.get(DispatcherMetrics.BLOCKED_KEYS).gauge().value()).isZero();
                assertThat(registry.get(DispatcherMetrics.BLOCKED_RECORDS).gauge().value()).isZero();
            });
        }
    }

    /** Takes every event. */
    static final class Accept implements EventFunction<byte[]> {
        @Override
        public void handle(Event<byte[]> event, Context context) {
        }
    }

    @Test
    void aTopicWrittenInTransactionsIsCommittedToItsEndAndItsLagReachesZero(@BootstrapServers String bootstrap)
            throws Exception {
        String topic = "metrics-transactional";
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        KafkaEventCodec codec = new KafkaEventCodec();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "transactional.id", "metrics-transactional-writer"), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 5; i++) {
                producer.send(codec.encode(topic, CloudEventBuilder.v1().withId("t" + i)
                        .withSource(URI.create("/test")).withType("com.example.reading")
                        .withData(("event " + i).getBytes(StandardCharsets.UTF_8)).build()));
            }
            producer.commitTransaction();
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        try (DispatcherFixture fixture = new DispatcherFixture(bootstrap)) {
            DispatcherSettings settings = fixture.settings("transactional", topic);
            fixture.start(settings, FailureSettings.DEFAULT, new Accept(), Optional.empty(),
                    DispatcherMetrics.create(registry, "transactional", settings.concurrency()));

            // Five records and the transaction's commit marker: offset 6 is the end of the log.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(registry.get(DispatcherMetrics.INVOCATIONS).tag(DispatcherMetrics.TAG_OUTCOME, "success")
                        .counter().count()).isEqualTo(5);
                assertThat(registry.get(DispatcherMetrics.CONSUMER_LAG).gauge().value()).isZero();
                assertThat(committed(bootstrap, "tributary.transactional", topic)).isEqualTo(6);
            });
        }
    }

    private static long committed(String bootstrap, String group, String topic) throws Exception {
        try (var admin = KafkaTestClients.admin(bootstrap)) {
            var offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, java.util.concurrent.TimeUnit.SECONDS).get(new org.apache.kafka.common.TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        }
    }

    private static double successes(SimpleMeterRegistry registry) {
        return registry.get(DispatcherMetrics.INVOCATIONS).tag(DispatcherMetrics.TAG_FUNCTION, FUNCTION)
                .tag(DispatcherMetrics.TAG_OUTCOME, "success").counter().count();
    }

    private static double totalLag(SimpleMeterRegistry registry) {
        return registry.find(DispatcherMetrics.CONSUMER_LAG).tag(DispatcherMetrics.TAG_TOPIC, IN).gauges().stream()
                .mapToDouble(Gauge::value).sum();
    }
}
