package dev.tributary.ingest.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.cron.CronMetrics;
import dev.tributary.ingest.cron.CronSchedule;
import dev.tributary.ingest.cron.CronSettings;
import dev.tributary.ingest.cron.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leader loop's transitions, one {@link LeaderLoop#turn()} at a time on the test's thread, against Kafka's mock
 * clients: it takes over only with partition 0, reads the checkpoint first, fires in transactions, and stops at once
 * when it loses the partition or is fenced.
 */
class LeaderLoopTest {

    private static final String COORDINATION = "tributary.cron";
    private static final TopicPartition PARTITION_0 = new TopicPartition(COORDINATION, 0);
    private static final CronSchedule EVERY_MINUTE = CronSchedule.of("every-minute", "* * * * *", "ticks");

    private final MutableClock clock = MutableClock.at("2026-05-01T10:00:30Z");
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final Deque<MockProducer<byte[], byte[]>> producers = new ArrayDeque<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Checkpoints checkpoints = new Checkpoints(COORDINATION);
    private LeaderLoop loop;

    @BeforeEach
    void subscribe() {
        loop = new LeaderLoop(CronSettings.of(EVERY_MINUTE), consumer, this::newProducer,
                new CronMetrics(registry, "tributary.cron"), clock);
        consumer.updateBeginningOffsets(Map.of(PARTITION_0, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION_0, 0L));
        loop.subscribe();
    }

    private Producer<byte[], byte[]> newProducer() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        producers.push(producer);
        return producer;
    }

    @Test
    void aFollowerWithoutPartitionZeroFiresNothing() {
        consumer.rebalance(List.of());
        loop.turn();
        clock.set("2026-05-01T10:05:00Z");
        loop.turn();

        assertThat(loop.isLeader()).isFalse();
        assertThat(producers).isEmpty();
        assertThat(registry.get(CronMetrics.LEADER).gauge().value()).isZero();
    }

    @Test
    void theOwnerOfPartitionZeroFencesReadsTheCheckpointAndLeads() {
        consumer.rebalance(List.of(PARTITION_0));

        loop.turn();

        assertThat(loop.isLeader()).isTrue();
        assertThat(registry.get(CronMetrics.LEADER).gauge().value()).isEqualTo(1);
        MockProducer<byte[], byte[]> producer = producers.peek();
        assertThat(producer.transactionInitialized()).isTrue();
        // First seen now: registered in the checkpoint, no tick for 10:00, which passed before it was seen.
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(COORDINATION);
            assertThat(key(record)).isEqualTo("every-minute");
            assertThat(horizon(record)).isEqualTo(Instant.parse("2026-05-01T10:00:30Z"));
        });
        assertThat(consumer.paused()).containsExactly(PARTITION_0);
    }

    @Test
    void theLeaderFiresEachTickWithItsCheckpointInOneTransaction() {
        consumer.rebalance(List.of(PARTITION_0));
        loop.turn();
        MockProducer<byte[], byte[]> producer = producers.peek();
        long commitsBefore = producer.commitCount();

        clock.set("2026-05-01T10:01:00.050Z");
        loop.turn();

        assertThat(producer.commitCount()).isEqualTo(commitsBefore + 1);
        assertThat(ticks(producer)).containsExactly("cron:every-minute:2026-05-01T10:01:00Z");
        assertThat(horizon(producer.history().getLast())).isEqualTo(Instant.parse("2026-05-01T10:01:00Z"));
        assertThat(registry.get(CronMetrics.TICKS).tag("schedule", "every-minute").counter().count()).isEqualTo(1);
        clock.set("2026-05-01T10:01:30Z");
        loop.turn();
        assertThat(ticks(producer)).hasSize(1);
    }

    @Test
    void aNewLeaderContinuesAfterTheLastCheckpointedTick() {
        consumer.rebalance(List.of(PARTITION_0));
        ProducerRecord<byte[], byte[]> last = checkpoints.record("every-minute", Instant.parse("2026-05-01T09:58:00Z"),
                Instant.parse("2026-05-01T09:58:00.010Z"));
        consumer.addRecord(new ConsumerRecord<>(COORDINATION, 0, 0L, last.key(), last.value()));
        consumer.updateEndOffsets(Map.of(PARTITION_0, 1L));

        loop.turn();

        // 09:59 is 90 s late, past the one-minute grace: fire-once fires it as the catch-up; 10:00 is on time.
        assertThat(ticks(producers.peek())).containsExactly("cron:every-minute:2026-05-01T09:59:00Z",
                "cron:every-minute:2026-05-01T10:00:00Z");
    }

    @Test
    void losingPartitionZeroStopsFiringAtOnce() {
        consumer.rebalance(List.of(PARTITION_0));
        loop.turn();
        MockProducer<byte[], byte[]> producer = producers.peek();

        consumer.rebalance(List.of());
        clock.set("2026-05-01T10:01:00Z");
        loop.turn();

        assertThat(loop.isLeader()).isFalse();
        assertThat(producer.closed()).isTrue();
        assertThat(ticks(producer)).isEmpty();
        assertThat(producers).hasSize(1);
        assertThat(registry.get(CronMetrics.LEADER).gauge().value()).isZero();
    }

    @Test
    void aFencedLeaderStopsWithoutWritingAndTakesOverAgainOnlyThroughTheCheckpoint() {
        consumer.rebalance(List.of(PARTITION_0));
        loop.turn();
        MockProducer<byte[], byte[]> fenced = producers.peek();
        fenced.fenceProducer();

        clock.set("2026-05-01T10:01:00Z");
        loop.turn();

        assertThat(loop.isLeader()).isFalse();
        assertThat(ticks(fenced)).isEmpty();
        assertThat(fenced.closed()).isTrue();

        // Still the owner of partition 0 after the pause: it starts over from what the checkpoint says, which
        // another leader moved on in the meantime.
        ProducerRecord<byte[], byte[]> moved = checkpoints.record("every-minute", Instant.parse("2026-05-01T10:01:00Z"),
                Instant.parse("2026-05-01T10:01:00.010Z"));
        consumer.addRecord(new ConsumerRecord<>(COORDINATION, 0, 0L, moved.key(), moved.value()));
        consumer.updateEndOffsets(Map.of(PARTITION_0, 1L));
        clock.set("2026-05-01T10:01:01Z");
        loop.turn();

        assertThat(loop.isLeader()).isTrue();
        assertThat(producers).hasSize(2);
        assertThat(ticks(producers.peek())).isEmpty();
        clock.set("2026-05-01T10:02:00Z");
        loop.turn();
        assertThat(ticks(producers.peek())).containsExactly("cron:every-minute:2026-05-01T10:02:00Z");
    }

    @Test
    void aFailedTransactionIsAbortedAndItsTicksRetried() {
        consumer.rebalance(List.of(PARTITION_0));
        loop.turn();
        MockProducer<byte[], byte[]> producer = producers.peek();
        producer.commitTransactionException = new org.apache.kafka.common.errors.TimeoutException("broker slow");

        clock.set("2026-05-01T10:01:00Z");
        loop.turn();

        assertThat(loop.isLeader()).isTrue();
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(ticks(producer)).isEmpty();

        producer.commitTransactionException = null;
        clock.set("2026-05-01T10:01:01Z");
        loop.turn();
        assertThat(ticks(producer)).containsExactly("cron:every-minute:2026-05-01T10:01:00Z");
    }

    private static List<String> ticks(MockProducer<byte[], byte[]> producer) {
        return producer.history().stream()
                .filter(record -> record.topic().equals("ticks"))
                .map(record -> new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .toList();
    }

    private static String key(ProducerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    private Instant horizon(ProducerRecord<byte[], byte[]> record) {
        return checkpoints.handledThrough(new ConsumerRecord<>(COORDINATION, 0, 0L, record.key(), record.value()))
                .orElseThrow();
    }
}
