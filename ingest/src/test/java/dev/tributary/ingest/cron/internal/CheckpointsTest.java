package dev.tributary.ingest.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Checkpoint records: keyed by schedule, on partition 0, holding the horizon. */
class CheckpointsTest {

    private final Checkpoints checkpoints = new Checkpoints("tributary.cron");

    @Test
    void aCheckpointIsKeyedByTheScheduleOnPartitionZeroAndReadsBack() {
        ProducerRecord<byte[], byte[]> record = checkpoints.record("nightly", Instant.parse("2026-03-28T01:30:00Z"),
                Instant.parse("2026-03-28T01:30:00.250Z"));

        assertThat(record.topic()).isEqualTo("tributary.cron");
        assertThat(record.partition()).isZero();
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"handledThrough\":\"2026-03-28T01:30:00Z\",\"writtenAt\":\"2026-03-28T01:30:00.250Z\"}");
        ConsumerRecord<byte[], byte[]> read = new ConsumerRecord<>("tributary.cron", 0, 3L, record.key(), record.value());
        assertThat(Checkpoints.schedule(read)).contains("nightly");
        assertThat(checkpoints.handledThrough(read)).contains(Instant.parse("2026-03-28T01:30:00Z"));
    }

    @Test
    void aTombstoneHoldsNoHorizonAndGarbageIsRejected() {
        byte[] key = "nightly".getBytes(StandardCharsets.UTF_8);

        assertThat(checkpoints.handledThrough(new ConsumerRecord<>("tributary.cron", 0, 1L, key, null))).isEmpty();
        assertThatThrownBy(() -> checkpoints.handledThrough(new ConsumerRecord<>("tributary.cron", 0, 1L, key,
                "{\"other\":1}".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checkpoints.handledThrough(new ConsumerRecord<>("tributary.cron", 0, 1L, key,
                "not json".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(IllegalArgumentException.class);
    }
}
