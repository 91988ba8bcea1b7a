package dev.tributary.ingest.cron.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the coordination partition from its beginning to its end, as a new leader must before it fires. The
 * consumer reads {@code read_committed}, so the end is the last stable offset: only what earlier leaders committed
 * counts, never a tick of a transaction that was aborted when they were fenced.
 */
final class CheckpointReader {

    private static final Logger log = LoggerFactory.getLogger(CheckpointReader.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Checkpoints checkpoints;
    private final Clock clock;
    private final Duration timeout;

    CheckpointReader(Checkpoints checkpoints, Clock clock, Duration timeout) {
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * The horizon of every schedule in the checkpoint. Polls the group's consumer, so a rebalance may take the
     * partition away meanwhile.
     *
     * @param stillOwned whether the partition is still assigned to this consumer
     * @return empty when the partition was revoked before the end was reached
     * @throws TimeoutException when the end is not reached within the timeout
     */
    Optional<Map<String, Instant>> read(Consumer<byte[], byte[]> consumer, TopicPartition partition,
                                        BooleanSupplier stillOwned) {
        Set<TopicPartition> only = Set.of(partition);
        consumer.resume(only);
        consumer.seekToBeginning(only);
        long end = consumer.endOffsets(only, timeout).get(partition);
        Map<String, Instant> horizons = new HashMap<>();
        Instant deadline = clock.instant().plus(timeout);
        while (stillOwned.getAsBoolean() && consumer.position(partition, timeout) < end) {
            if (clock.instant().isAfter(deadline)) {
                throw new TimeoutException("read the cron checkpoint " + partition + " up to offset "
                        + consumer.position(partition) + " of " + end + " but not to its end within " + timeout);
            }
            consumer.poll(POLL).records(partition).forEach(record -> apply(record, horizons));
        }
        return stillOwned.getAsBoolean() ? Optional.of(horizons) : Optional.empty();
    }

    private void apply(ConsumerRecord<byte[], byte[]> record, Map<String, Instant> horizons) {
        Optional<String> schedule = Checkpoints.schedule(record);
        if (schedule.isEmpty()) {
            log.warn("ignoring record {} of {} without a key: not a cron checkpoint", record.offset(), record.topic());
            return;
        }
        try {
            checkpoints.handledThrough(record).ifPresentOrElse(
                    horizon -> horizons.put(schedule.get(), horizon),
                    () -> horizons.remove(schedule.get()));
        } catch (IllegalArgumentException e) {
            log.warn("ignoring record {} of {} for schedule '{}': not a cron checkpoint ({})", record.offset(),
                    record.topic(), schedule.get(), e.getMessage());
        }
    }
}
