package dev.tributary.ingest.storage.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects one active poller among the pollers of a scope (name, bucket and prefix) through a Kafka consumer group,
 * as cron elects its leader: every poller of the scope joins the group {@link #groupId} subscribed to the checkpoint
 * topic, which has one partition, and the member assigned partition 0 is the active poller.
 *
 * <pre>
 * standby ──partition 0 assigned──► checkpoint read to its end ──► active
 *    ▲                                                                │
 *    └── partition 0 revoked or lost: the poll in progress ends first ┘
 * </pre>
 *
 * <p><b>What it guarantees.</b> Handing over is ordered: the rebalance callback runs on this thread and returns only
 * once the poll in progress has published and checkpointed, and the new member reads the checkpoint only after it is
 * assigned the partition, so in a clean handover nothing is published twice. It is not a fence: a member whose
 * session expired (a long pause, a network partition) still polls until it learns that it lost the partition, while
 * another is assigned it. The two then publish the same changes, with the same event ids; the checkpoint is only
 * ever behind what was published, so nothing is missed.
 *
 * <p>The consumer reads no records (its partitions stay paused) and is touched only by this thread.
 */
public final class PollerElection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PollerElection.class);

    /** How long a turn waits for a rebalance; also how soon a stop is noticed. */
    static final Duration TURN = Duration.ofSeconds(1);
    /** How long a member that failed to read the checkpoint waits before it tries again. */
    static final Duration RETRY_PAUSE = Duration.ofSeconds(5);
    private static final Duration CONSUMER_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final String groupId;
    private final String checkpointTopic;
    private final TopicPartition activePartition;
    private final Consumer<byte[], byte[]> consumer;
    private final ActivePoller poller;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private Thread thread;
    private boolean ownsActivePartition;
    private Instant activateAt = Instant.MIN;

    /** @param consumer a consumer of {@code groupId}; the election subscribes it and closes it */
    public PollerElection(String groupId, String checkpointTopic, Consumer<byte[], byte[]> consumer,
                          ActivePoller poller, Clock clock) {
        this.groupId = groupId;
        this.checkpointTopic = checkpointTopic;
        this.activePartition = new TopicPartition(checkpointTopic, 0);
        this.consumer = consumer;
        this.poller = poller;
        this.clock = clock;
    }

    /**
     * The group of a scope: {@code tributary.storage.<name>:<bucket>/<prefix>}. Unambiguous, since a name holds no
     * {@code :} and a bucket no {@code /}; the checkpoint's scope is the same three.
     */
    public static String groupId(String name, String bucket, String prefix) {
        return "tributary.storage." + name + ":" + bucket + "/" + prefix;
    }

    public String groupId() {
        return groupId;
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
                    // Kafka unreachable or the group refused: whether this member still owns the partition is
                    // unknown, and polling on could overlap with another member for longer than a handover.
                    LOG.warn("storage poller group {}: {}; on standby, trying again in {}", groupId, e.toString(),
                            TURN);
                    ownsActivePartition = false;
                    poller.deactivate("an error in the group: " + e.getMessage());
                    pause();
                }
            }
        } finally {
            poller.deactivate("the poller is closing");
            try {
                consumer.close(CloseOptions.timeout(CONSUMER_CLOSE_TIMEOUT));
            } catch (RuntimeException e) {
                LOG.warn("closing the consumer of storage poller group {} failed: {}", groupId, e.toString());
            }
        }
    }

    /** Joins the group; a later {@link #turn()} receives the assignment. */
    void subscribe() {
        consumer.subscribe(List.of(checkpointTopic), new Assignment());
    }

    /** One turn: wait for a rebalance, then take over when this member was given partition 0. */
    void turn() {
        consumer.poll(TURN);
        if (ownsActivePartition && !poller.isActive() && !clock.instant().isBefore(activateAt)) {
            activate();
        }
    }

    /** Runs the election on a thread of its own. */
    public void start(String threadName) {
        thread = Thread.ofPlatform().name(threadName).start(this);
    }

    /**
     * Ends the election: deactivates the poller (a poll in progress finishes first) and leaves the group, which hands
     * over to another member at once.
     *
     * @return whether it ended within {@code timeout}
     */
    public boolean stop(Duration timeout) {
        running.set(false);
        stopRequested.countDown();
        consumer.wakeup();
        if (thread == null) {
            return true;
        }
        try {
            return thread.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void pause() {
        try {
            // Waits on the stop signal, so that closing is not delayed by the pause.
            stopRequested.await(TURN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private void activate() {
        try {
            poller.activate();
        } catch (RuntimeException e) {
            activateAt = clock.instant().plus(RETRY_PAUSE);
            LOG.warn("storage poller group {}: assigned {} but could not start polling ({}); trying again in {}",
                    groupId, activePartition, e.getMessage(), RETRY_PAUSE);
        }
    }

    /** Tracks partition 0. Called on the election's thread, inside {@code poll}. */
    private final class Assignment implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // The checkpoint is read by the poller's own reader, from the beginning; the group reads nothing.
            consumer.pause(partitions);
            if (partitions.contains(activePartition)) {
                ownsActivePartition = true;
                activateAt = Instant.MIN;
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.contains(activePartition)) {
                ownsActivePartition = false;
                poller.deactivate(activePartition + " was revoked");
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (partitions.contains(activePartition)) {
                ownsActivePartition = false;
                poller.deactivate(activePartition + " was lost");
            }
        }
    }
}
