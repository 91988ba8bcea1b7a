package dev.tributary.ingest.cron.internal;

import dev.tributary.ingest.cron.CronSchedule;
import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.TopicEvent;
import dev.tributary.ingest.publish.internal.PublishSpans;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Writes a schedule's ticks and its new checkpoint in one Kafka transaction, so either both are visible to
 * {@code read_committed} readers or neither is. One instance per leadership term, around a producer whose
 * {@code transactional.id} every replica shares.
 *
 * <p>Failures come in two kinds. A failed transaction that could be aborted ({@link KafkaException}) wrote
 * nothing: the schedule retries. One that leaves the producer unusable, above all being fenced by a newer leader,
 * is a {@link LeadershipLostException}: the leader must stop.
 */
final class TickWriter implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Producer<byte[], byte[]> producer;
    private final TickEvents events;
    private final Checkpoints checkpoints;
    private final PublishSpans spans;

    /** @param spans one PRODUCER span per tick, each the root of a trace; {@link PublishSpans#off()} for none */
    TickWriter(Producer<byte[], byte[]> producer, TickEvents events, Checkpoints checkpoints, PublishSpans spans) {
        this.producer = producer;
        this.events = events;
        this.checkpoints = checkpoints;
        this.spans = spans;
    }

    /**
     * Fences every earlier producer of the transactional id and waits until a transaction it left open is aborted
     * (or, if it was already being committed, committed). Only after this may the checkpoint be read.
     */
    void init() {
        try {
            producer.initTransactions();
        } catch (ProducerFencedException | AuthorizationException | UnsupportedVersionException e) {
            throw new LeadershipLostException("cannot start transactions: " + e.getMessage(), e);
        }
    }

    /** The plan's ticks, fired at {@code firedTime}, and its checkpoint, in one transaction. */
    void write(CronSchedule schedule, TickPlan plan, Instant firedTime) {
        if (!spans.enabled()) {
            inTransaction(() -> {
                for (Instant scheduledTime : plan.fire()) {
                    producer.send(events.record(schedule, scheduledTime, firedTime));
                }
                producer.send(checkpoints.record(schedule.name(), plan.horizon(), firedTime));
            });
            return;
        }
        List<TopicEvent> ticks = plan.fire().stream().map(scheduledTime -> new TopicEvent(schedule.topic(),
                events.event(schedule.name(), scheduledTime, firedTime))).toList();
        PublishSpans.Started started = spans.start(ticks);
        List<Future<RecordMetadata>> written = new ArrayList<>(ticks.size());
        CompletableFuture<List<Acknowledgement>> outcome = new CompletableFuture<>();
        started.endWhen(outcome);
        try {
            inTransaction(() -> {
                for (TopicEvent tick : started.events()) {
                    written.add(producer.send(events.record(tick.topic(), tick.event())));
                }
                producer.send(checkpoints.record(schedule.name(), plan.horizon(), firedTime));
            });
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
            throw e;
        }
        outcome.complete(acknowledgements(written));
    }

    /** Where the committed ticks went: each send is complete once its transaction committed. */
    private static List<Acknowledgement> acknowledgements(List<Future<RecordMetadata>> written) {
        List<Acknowledgement> acknowledgements = new ArrayList<>(written.size());
        for (Future<RecordMetadata> send : written) {
            RecordMetadata metadata = send.resultNow();
            acknowledgements.add(new Acknowledgement(metadata.topic(), metadata.partition(), metadata.offset()));
        }
        return acknowledgements;
    }

    /** Checkpoints for schedules first seen now, so a later leader counts their missed fire times from here. */
    void register(Map<String, Instant> horizons, Instant writtenAt) {
        inTransaction(() -> horizons.forEach((schedule, horizon) ->
                producer.send(checkpoints.record(schedule, horizon, writtenAt))));
    }

    private void inTransaction(Runnable sends) {
        try {
            producer.beginTransaction();
            sends.run();
            // Throws if any send failed: the transaction then commits nothing.
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | UnsupportedVersionException e) {
            throw new LeadershipLostException("the cron producer cannot write any more: " + e.getMessage(), e);
        } catch (KafkaException e) {
            abortAfter(e);
            throw e;
        } catch (IllegalStateException e) {
            throw new LeadershipLostException("the cron producer is in no state to write: " + e.getMessage(), e);
        }
    }

    private void abortAfter(KafkaException failure) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException abortFailure) {
            // A commit that timed out may still complete on the broker; only a new initTransactions() settles it.
            failure.addSuppressed(abortFailure);
            throw new LeadershipLostException("a failed cron transaction could not be aborted: "
                    + abortFailure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
