package dev.tributary.dispatcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tributary.dispatcher.DeadLetterHeaders;
import dev.tributary.dispatcher.stream.StreamTestTopics.Reading;
import dev.tributary.dispatcher.stream.StreamTestTopics.WindowTotals;
import dev.tributary.schemas.codec.DataCodecException;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StreamFunctionRunner} against a real broker: aggregates, dead letters, failures, metrics, checks at start. */
// A transactional client's first call creates the transaction state topic: 50 partitions by default, seconds of
// work for one broker on a small machine; a few partitions serve these tests. Both stream ITs ask for the same
// broker, so they share it.
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN, properties = "transaction.state.log.num.partitions=4")
class StreamFunctionRunnerIT {

    /** A recent hour: records older than the broker's retention would be deleted while the tests run. */
    private static final Instant NOON = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-02T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void producesEachWindowsAggregateAsCommittedCloudEvents(@BootstrapServers String bootstrap) throws Exception {
        String name = "totals";
        topics(bootstrap, name);
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            readings.add(new Reading("r-" + i, "sensor-" + (i % 3), i, NOON.plusSeconds(i * 5L)));
        }
        try (StreamFunctionRunner runner = StreamFunctionRunner.start(settings(bootstrap, name), new ReadingTotals(),
                registry, CLOCK); KafkaProducer<byte[], byte[]> producer = StreamTestTopics.producer(bootstrap)) {
            StreamTestTopics.send(producer, name + "-in", readings);

            Map<String, WindowTotals> expected = StreamTestTopics.expectedPerWindow(readings);
            await("every window's totals").atMost(PATIENCE).untilAsserted(() -> assertThat(
                    StreamTestTopics.latestPerWindow(StreamTestTopics.readCommitted(bootstrap, name + "-out")))
                    .isEqualTo(expected));
            assertThat(expected).hasSize(15);
            assertThat(runner.isRunning()).isTrue();
            assertThat(runner.failure()).isEmpty();
        }
    }

    @Test
    void outputsCarryTheAttributesOfTheirTypeWindowAndInput(@BootstrapServers String bootstrap) throws Exception {
        String name = "attributes";
        topics(bootstrap, name);
        try (StreamFunctionRunner runner = StreamFunctionRunner.start(settings(bootstrap, name), new ReadingTotals(),
                registry, CLOCK); KafkaProducer<byte[], byte[]> producer = StreamTestTopics.producer(bootstrap)) {
            StreamTestTopics.send(producer, name + "-in", List.of(new Reading("r-1", "sensor-1", 7, NOON.plusSeconds(3))));

            var output = await().atMost(PATIENCE).until(() -> StreamTestTopics.readCommitted(bootstrap, name + "-out"),
                    outputs -> !outputs.isEmpty()).get(0);
            assertThat(output.cloudEvent().getType()).isEqualTo(ReadingTotals.OUTPUT_TYPE);
            assertThat(output.cloudEvent().getId()).isEqualTo("r-1:attributes:sensor-1@" + NOON);
            assertThat(output.cloudEvent().getSource()).hasToString("tributary://functions/attributes");
            assertThat(output.key()).hasValueSatisfying(key -> assertThat(key.toString()).isEqualTo("sensor-1"));
            assertThat(output.cloudEvent().getExtension("windowend")).hasToString(NOON.plusSeconds(60).toString());
            assertThat(output.cloudEvent().getTime().toInstant()).isEqualTo(NOON.plusSeconds(3));
        }
    }

    @Test
    void recordsThatCannotBeProcessedGoToTheDeadLetterTopicAndTheRestIsAggregated(@BootstrapServers String bootstrap)
            throws Exception {
        String name = "dead-letters";
        topics(bootstrap, name);
        StreamFunctionSettings settings = settings(bootstrap, name).withConfig(Map.of("rejectOn", 13));
        try (StreamFunctionRunner runner = StreamFunctionRunner.start(settings, new ReadingTotals(), registry, CLOCK);
             KafkaProducer<byte[], byte[]> producer = StreamTestTopics.producer(bootstrap)) {
            StreamTestTopics.send(producer, name + "-in", List.of(new Reading("r-1", "sensor-1", 1, NOON)));
            StreamTestTopics.sendRaw(producer, name + "-in", "r-2", "sensor-1",
                    "{not json".getBytes(StandardCharsets.UTF_8), NOON.plusSeconds(1));
            StreamTestTopics.send(producer, name + "-in", List.of(new Reading("r-3", "sensor-1", 13, NOON.plusSeconds(2)),
                    new Reading("r-4", "sensor-1", 2, NOON.plusSeconds(3))));

            await("the totals of the good readings").atMost(PATIENCE).untilAsserted(() -> assertThat(
                    StreamTestTopics.latestPerWindow(StreamTestTopics.readCommitted(bootstrap, name + "-out")).values())
                    .extracting(totals -> totals.totals().count() + "/" + totals.totals().sum())
                    .containsExactly("2/3"));
            List<ConsumerRecord<byte[], byte[]>> deadLetters = StreamTestTopics.read(bootstrap,
                    name + "-in." + name + ".dlt", "read_committed", PATIENCE);
            assertThat(deadLetters).extracting(record -> header(record, "ce_id")).containsExactly("r-2", "r-3");
            assertThat(deadLetters).extracting(record -> header(record, DeadLetterHeaders.ERROR_CLASS))
                    .containsExactly(DataCodecException.class.getName(), NonRetryableException.class.getName());
            assertThat(deadLetters.get(0).value()).asString(StandardCharsets.UTF_8).isEqualTo("{not json");
            assertThat(header(deadLetters.get(0), DeadLetterHeaders.FUNCTION)).isEqualTo(name);
            assertThat(header(deadLetters.get(0), DeadLetterHeaders.TOPIC)).isEqualTo(name + "-in");
            assertThat(header(deadLetters.get(0), DeadLetterHeaders.LAST_FAILURE)).isEqualTo(CLOCK.instant().toString());
            assertThat(registry.get(StreamFunctionMetrics.DEAD_LETTERS).tag("function", name).counter().count())
                    .isEqualTo(2);
            assertThat(runner.isRunning()).isTrue();
        }
    }

    @Test
    void anErrorItCannotDeadLetterStopsTheFunctionVisibly(@BootstrapServers String bootstrap) throws Exception {
        String name = "failing";
        topics(bootstrap, name);
        StreamFunctionSettings settings = settings(bootstrap, name).withConfig(Map.of("failOn", 13));
        try (StreamFunctionRunner runner = StreamFunctionRunner.start(settings, new ReadingTotals(), registry, CLOCK);
             KafkaProducer<byte[], byte[]> producer = StreamTestTopics.producer(bootstrap)) {
            await("running").atMost(PATIENCE).until(() -> runner.state() == KafkaStreams.State.RUNNING);
            assertThat(gauge(StreamFunctionMetrics.RUNNING, name)).isEqualTo(1);

            StreamTestTopics.send(producer, name + "-in", List.of(new Reading("r-1", "sensor-1", 13, NOON)));

            await("stopped").atMost(PATIENCE).until(() -> runner.state() == KafkaStreams.State.ERROR);
            assertThat(runner.isRunning()).isFalse();
            assertThat(runner.failure()).hasValueSatisfying(failure -> assertThat(failure)
                    .hasStackTraceContaining("reading 13 breaks the function"));
            assertThat(gauge(StreamFunctionMetrics.RUNNING, name)).isZero();
        }
    }

    @Test
    void kafkaStreamsMetricsAreBoundWithTheFunctionTagAndRemovedOnClose(@BootstrapServers String bootstrap) {
        String name = "metered";
        topics(bootstrap, name);
        StreamFunctionRunner runner = StreamFunctionRunner.start(settings(bootstrap, name), new ReadingTotals(),
                registry, CLOCK);
        await("Kafka Streams' meters").atMost(PATIENCE).until(() -> !kafkaStreamsMeters(name).isEmpty());
        assertThat(kafkaStreamsMeters(name)).extracting(meter -> meter.getId().getName())
                .contains("kafka.stream.thread.process.rate");

        assertThat(runner.close(PATIENCE)).isTrue();

        assertThat(runner.isRunning()).isFalse();
        assertThat(kafkaStreamsMeters(name)).isEmpty();
        assertThat(registry.find(StreamFunctionMetrics.RUNNING).tag("function", name).gauge()).isNull();
    }

    @Test
    void aMissingTopicFailsTheStartNamingTheTopicAndTheFix(@BootstrapServers String bootstrap) {
        StreamFunctionSettings settings = settings(bootstrap, "no-input");

        assertThatThrownBy(() -> StreamFunctionRunner.start(settings, new ReadingTotals(), registry, CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-input-in (read)").hasMessageContaining("no-input-out (written)")
                .hasMessageContaining("create them");
        assertThat(registry.find(StreamFunctionMetrics.RUNNING).tag("function", "no-input").gauge()).isNull();
    }

    private StreamFunctionSettings settings(String bootstrap, String name) {
        return StreamFunctionSettings.of(name, List.of(name + "-in"), Optional.of(name + "-out"), dataDir,
                        Map.of("bootstrap.servers", bootstrap))
                .withReplicationFactor(1)
                .withCommitInterval(Duration.ofMillis(100));
    }

    private static void topics(String bootstrap, String name) {
        KafkaTestClients.createTopic(bootstrap, name + "-in", 2, (short) 1, Map.of());
        KafkaTestClients.createTopic(bootstrap, name + "-out", 2, (short) 1, Map.of());
    }

    private double gauge(String name, String function) {
        return registry.get(name).tag("function", function).gauge().value();
    }

    private List<Meter> kafkaStreamsMeters(String function) {
        return registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("kafka.stream."))
                .filter(meter -> function.equals(meter.getId().getTag("function")))
                .toList();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
