package dev.tributary.ingest.publish.internal;

import dev.tributary.ingest.publish.Readiness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Kafka is reachable, from a probe run every interval: the answer to the last probe, so readiness fails
 * within one interval plus one timeout of Kafka becoming unreachable, and recovers within one interval of it
 * answering again. Until the first probe answers, Kafka counts as unreachable.
 *
 * <p>Only the probe decides: failures of single publishes also come from one slow partition or one oversized
 * record, and letting them flip readiness would make it flap. Probes never overlap; the next is scheduled when the
 * last has answered. Thread-safe.
 */
public final class KafkaReachability implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaReachability.class);

    private final ClusterProbe probe;
    private final Duration interval;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Readiness readiness = new Readiness(false, "kafka not probed yet");
    private volatile Instant unreachableSince;

    /**
     * @param interval how long after one probe answered the next starts
     * @param timeout  how long a probe may take before Kafka counts as unreachable
     * @param timer    runs the probes; owned by the caller
     */
    public KafkaReachability(ClusterProbe probe, Duration interval, Duration timeout,
                             ScheduledExecutorService timer, Clock clock) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts probing now. */
    public void start() {
        schedule(Duration.ZERO);
    }

    public Readiness readiness() {
        return readiness;
    }

    public boolean reachable() {
        return readiness.ready();
    }

    private void schedule(Duration delay) {
        if (closed.get()) {
            return;
        }
        try {
            timer.schedule(this::probeOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The timer is shutting down with the publisher: no more probes are wanted.
        }
    }

    private void probeOnce() {
        try {
            probe.probe(timeout).whenComplete((ignored, error) -> {
                if (error == null) {
                    answered();
                } else {
                    failed(error);
                }
                schedule(interval);
            });
        } catch (RuntimeException e) {
            failed(e);
            schedule(interval);
        }
    }

    private void answered() {
        if (!readiness.ready() && unreachableSince != null) {
            LOG.info("Kafka is reachable again after being unreachable since {}", unreachableSince);
        }
        unreachableSince = null;
        readiness = new Readiness(true, "kafka reachable");
    }

    private void failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (unreachableSince == null) {
            unreachableSince = clock.instant();
            LOG.warn("Kafka is unreachable: {}: {}", cause.getClass().getSimpleName(), cause.getMessage());
        }
        readiness = new Readiness(false, "kafka unreachable since " + unreachableSince + ": "
                + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /** Stops probing; a probe under way still completes but schedules no other. */
    @Override
    public void close() {
        closed.set(true);
    }
}
