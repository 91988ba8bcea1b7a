package dev.tributary.ingest.cron.internal;

import dev.tributary.ingest.cron.CronMetrics;
import dev.tributary.ingest.cron.CronSchedule;
import dev.tributary.ingest.cron.CronSettings;
import dev.tributary.ingest.publish.internal.PublishSpans;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of a replica: it keeps the replica in the consumer group of the coordination topic and, while the
 * group gives it partition 0, fires the ticks.
 *
 * <pre>
 * follower ──partition 0 assigned──► taking over ──initTransactions, checkpoint read──► leader
 *    ▲                                    │                                               │
 *    └──── partition 0 revoked or lost, fenced, or a write that cannot be aborted ────────┘
 * </pre>
 *
 * <p><b>Why this gives one tick per fire time.</b> Partition 0's owner is only a candidate: two replicas may both
 * believe they own it for a moment (a member whose session expired still thinks it leads). What makes it safe is
 * the shared {@code transactional.id}: taking over starts with {@code initTransactions()}, which fences every
 * earlier producer of that id and settles its open transaction; only then is the checkpoint read, with
 * {@code read_committed}. Every tick is committed together with its checkpoint, so a new leader sees every tick an
 * earlier one committed and continues after it, and an earlier leader can commit nothing once fenced. Losing
 * partition 0 stops firing at once: the rebalance callback runs on this thread, between two turns.
 *
 * <p>Each {@link #turn()} polls (which is also how it waits for the next fire time, waking early for rebalances),
 * then takes over or fires what is due. The consumer and the producer are only touched by this thread.
 */
public final class LeaderLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LeaderLoop.class);

    /** The longest wait between turns, so a clock that jumps is noticed within it. */
    static final Duration MAX_WAIT = Duration.ofSeconds(1);
    /** How long a replica that lost the right to write waits before it tries to take over again. */
    static final Duration RETAKE_PAUSE = Duration.ofSeconds(1);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);
    private static final Duration CHECKPOINT_READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONSUMER_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final CronSettings settings;
    private final Consumer<byte[], byte[]> consumer;
    private final Supplier<Producer<byte[], byte[]>> producers;
    private final CronScheduler scheduler;
    private final TickEvents events;
    private final Checkpoints checkpoints;
    private final CheckpointReader checkpointReader;
    private final CronMetrics metrics;
    private final Map<String, CronMetrics.ScheduleMeters> meters = new LinkedHashMap<>();
    private final Clock clock;
    private final TopicPartition leaderPartition;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final PublishSpans spans;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    private boolean ownsLeaderPartition;
    private Instant takeOverAt = Instant.MIN;
    /** Present exactly while leading. */
    private TickWriter writer;
    private volatile boolean leading;

    /**
     * @param consumer  a consumer of the settings' group, {@code read_committed}, auto-commit off; the loop
     *                  subscribes it and closes it
     * @param producers makes a producer with the settings' {@code transactional.id}, once per leadership term
     */
    public LeaderLoop(CronSettings settings, Consumer<byte[], byte[]> consumer,
                      Supplier<Producer<byte[], byte[]>> producers, CronMetrics metrics, Clock clock) {
        this(settings, consumer, producers, metrics, clock, PublishSpans.off());
    }

    /** @param spans the span of each tick written; {@link PublishSpans#off()} for none */
    public LeaderLoop(CronSettings settings, Consumer<byte[], byte[]> consumer,
                      Supplier<Producer<byte[], byte[]>> producers, CronMetrics metrics, Clock clock,
                      PublishSpans spans) {
        this.spans = spans;
        this.settings = settings;
        this.consumer = consumer;
        this.producers = producers;
        this.scheduler = new CronScheduler(settings);
        this.events = new TickEvents(settings.schedules());
        this.checkpoints = new Checkpoints(settings.coordinationTopic());
        this.checkpointReader = new CheckpointReader(checkpoints, clock, CHECKPOINT_READ_TIMEOUT);
        this.metrics = metrics;
        this.clock = clock;
        this.leaderPartition = new TopicPartition(settings.coordinationTopic(), Checkpoints.PARTITION);
        settings.schedules().forEach(schedule -> meters.put(schedule.name(), metrics.schedule(schedule.name())));
        metrics.leader(false);
    }

    /** Whether this replica fires the ticks now. */
    public boolean isLeader() {
        return leading;
    }

    @Override
    public void run() {
        try {
            subscribe();
            while (running.get()) {
                try {
                    turn();
                } catch (WakeupException | InterruptException e) {
                    // stop() woke the consumer up: the loop condition ends the loop.
                } catch (RuntimeException e) {
                    log.warn("cron group {}: {}; stopped leading if it did, trying again in {}", settings.groupId(),
                            e.toString(), ERROR_PAUSE);
                    log.debug("cron group {}: the error in full", settings.groupId(), e);
                    stepDown("an error: " + e.getMessage());
                    takeOverAt = clock.instant().plus(ERROR_PAUSE);
                    pauseAfterError();
                }
            }
        } finally {
            stepDown("the replica is closing");
            try {
                consumer.close(CloseOptions.timeout(CONSUMER_CLOSE_TIMEOUT));
            } catch (RuntimeException e) {
                log.warn("closing the cron consumer of group {} failed: {}", settings.groupId(), e.toString());
            }
            stopped.countDown();
        }
    }

    /** Joins the group; the first {@link #turn()} then receives the assignment. */
    public void subscribe() {
        consumer.subscribe(List.of(settings.coordinationTopic()), new Leadership());
    }

    /** One turn: wait for the next fire time or a rebalance, then take over or fire what is due. */
    public void turn() {
        consumer.poll(waitTime());
        if (ownsLeaderPartition && writer == null && !clock.instant().isBefore(takeOverAt)) {
            takeOver();
        }
        if (writer != null) {
            fireDue();
        }
    }

    /** Asks the loop to end: it stops firing, leaves the group and closes its clients. */
    public void stop() {
        running.set(false);
        stopRequested.countDown();
        consumer.wakeup();
    }

    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Duration waitTime() {
        Instant now = clock.instant();
        Optional<Instant> wakeUp = writer != null ? scheduler.nextWakeUp()
                : ownsLeaderPartition ? Optional.of(takeOverAt) : Optional.empty();
        Duration wait = wakeUp.map(time -> Duration.between(now, time)).orElse(MAX_WAIT);
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        // Rounded up: waking a fraction of a millisecond early would only mean another turn.
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.plusMillis(1);
    }

    private void takeOver() {
        TickWriter candidate = new TickWriter(producers.get(), events, checkpoints, spans);
        try {
            candidate.init();
            Optional<Map<String, Instant>> checkpoint =
                    checkpointReader.read(consumer, leaderPartition, () -> ownsLeaderPartition);
            if (checkpoint.isEmpty()) {
                closeQuietly(candidate);
                return;
            }
            consumer.pause(Set.of(leaderPartition));
            Instant now = clock.instant();
            Map<String, Instant> started = scheduler.resume(checkpoint.get(), now);
            if (!started.isEmpty()) {
                candidate.register(started, now);
            }
            writer = candidate;
            leading = true;
            metrics.leader(true);
            log.info("cron group {}: leading; firing {} schedule(s){}", settings.groupId(),
                    settings.schedules().size(), started.isEmpty() ? "" : ", first seen now: " + started.keySet());
        } catch (RuntimeException e) {
            closeQuietly(candidate);
            scheduler.suspend();
            takeOverAt = clock.instant().plus(RETAKE_PAUSE);
            if (e instanceof WakeupException || e instanceof InterruptException) {
                throw e;
            }
            log.warn("cron group {}: taking over failed ({}); trying again in {} if still assigned",
                    settings.groupId(), e.toString(), RETAKE_PAUSE);
        }
    }

    private void fireDue() {
        for (TickPlan plan : scheduler.due(clock.instant())) {
            CronSchedule schedule = scheduler.schedule(plan.schedule());
            try {
                writer.write(schedule, plan, clock.instant());
            } catch (LeadershipLostException e) {
                log.warn("cron group {}: {}", settings.groupId(), e.getMessage());
                stepDown(e.getMessage());
                takeOverAt = clock.instant().plus(RETAKE_PAUSE);
                return;
            } catch (KafkaException e) {
                scheduler.failed(plan, clock.instant());
                log.warn("cron schedule '{}': writing ticks {} to {} failed and was aborted ({}); retrying",
                        plan.schedule(), plan.fire(), schedule.topic(), e.toString());
                continue;
            }
            scheduler.handled(plan);
            CronMetrics.ScheduleMeters counters = meters.get(plan.schedule());
            counters.fired(plan.fire().size());
            if (plan.skipped() > 0) {
                counters.skipped(plan.skipped());
                log.warn("cron schedule '{}': skipped {}{} missed fire time(s) up to {} ({} policy, catch-up limit {})",
                        plan.schedule(), plan.skippedIsAtLeast() ? "at least " : "", plan.skipped(), plan.horizon(),
                        schedule.misfirePolicy(), settings.catchUpLimit());
            }
        }
    }

    /** Stops firing at once. Safe to call in any state. */
    private void stepDown(String reason) {
        if (writer != null) {
            closeQuietly(writer);
            writer = null;
        }
        scheduler.suspend();
        if (leading) {
            leading = false;
            metrics.leader(false);
            log.info("cron group {}: stopped leading: {}", settings.groupId(), reason);
        }
    }

    private static void closeQuietly(TickWriter tickWriter) {
        try {
            tickWriter.close();
        } catch (RuntimeException e) {
            log.debug("closing the cron producer failed: {}", e.toString());
        }
    }

    private void pauseAfterError() {
        try {
            // Waits on the stop signal, so that closing is not delayed by the pause.
            stopRequested.await(ERROR_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    /** Tracks partition 0, the leader's partition. Called on the loop's thread, inside {@code poll}. */
    private final class Leadership implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Nothing is read from the coordination topic but by a leader taking over.
            consumer.pause(partitions);
            if (partitions.contains(leaderPartition)) {
                ownsLeaderPartition = true;
                takeOverAt = Instant.MIN;
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.contains(leaderPartition)) {
                ownsLeaderPartition = false;
                stepDown(leaderPartition + " was revoked");
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (partitions.contains(leaderPartition)) {
                ownsLeaderPartition = false;
                stepDown(leaderPartition + " was lost");
            }
        }
    }
}
