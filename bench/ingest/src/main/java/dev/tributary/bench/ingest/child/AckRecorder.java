package dev.tributary.bench.ingest.child;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Counts what a load generator's requests were answered, and records the acknowledgement latency (from sending to
 * the acknowledgement, in microseconds) of those acknowledged within the {@link LoadWindow}. Thread-safe: MQTT
 * devices complete on several client threads.
 */
public final class AckRecorder {

    /** Latencies up to a minute are kept exactly to three digits; longer ones still count, at a coarser value. */
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final LoadWindow window;
    private final Histogram latencies = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder measured = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    public AckRecorder(LoadWindow window) {
        this.window = window;
    }

    /** A request is sent; every call is answered by one of {@link #acknowledged} or {@link #failed}. */
    public void sent() {
        inFlight.incrementAndGet();
    }

    public void acknowledged(long sentNanos, long answeredNanos) {
        inFlight.decrementAndGet();
        acknowledged.increment();
        if (window.measures(answeredNanos)) {
            measured.increment();
            latencies.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (answeredNanos - sentNanos) / 1_000)));
        }
    }

    /** A request answered with anything but an acknowledgement, or not answered at all. */
    public void failed(String why) {
        inFlight.decrementAndGet();
        failed.increment();
        firstFailure.compareAndSet(null, why);
    }

    /** Waits until every request sent has been answered, for at most {@code timeout}. */
    public void awaitAnswers(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** What the run did; requests still unanswered count as unanswered, not as failures. */
    public LoadReport report() {
        Histogram copy = latencies.copy();
        return new LoadReport(acknowledged.sum(), failed.sum(), inFlight.get(), measured.sum(),
                window.measureSeconds(), LatencySummary.of(copy), firstFailure.get());
    }
}
