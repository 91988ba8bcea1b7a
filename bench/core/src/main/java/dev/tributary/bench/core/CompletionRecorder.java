package dev.tributary.bench.core;

import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Watches every invocation of the benchmark function and keeps what the report needs: which records completed
 * (so duplicates and lost records show), whether each key's records ran one at a time in sequence order, and
 * how long each record took from being produced to being completed.
 *
 * <p>An <b>order violation</b> is a record that starts while another record of its key is still running, or
 * that starts after a record of its key with a higher sequence number has started; a record run again after
 * it completed is a duplicate, not a violation. Checking at the start, not only at completion, catches two
 * records of one key that overlap but happen to finish in order.
 *
 * <p>Thread-safe: contenders call it from any number of threads. Each key has its own lock, so threads
 * contend only when they handle the same key, which an ordered contender never does.
 */
public final class CompletionRecorder {

    /** Latencies above an hour are kept as an hour: a backlog run's records may wait that long, not longer. */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final KeyLog[] keys;
    private final long expected;
    private final long warmupMicros;
    private final MicroClock clock;
    private final LongSupplier processCpuNanos;
    private volatile long cpuNanosAtFirst = -1;
    private volatile long cpuNanosAtLast = -1;
    private final Recorder latency = new Recorder(1, HIGHEST_MICROS, 3);
    private final AtomicLong distinct = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final AtomicLong firstMicros = new AtomicLong();
    private final AtomicLong lastMicros = new AtomicLong();
    private Histogram histogram;

    /**
     * @param keyCount how many distinct keys the records have, numbered from 0
     * @param expected how many distinct records make the run complete
     * @param warmup   records produced within this time after the first completion are left out of the latency
     *                 histogram: the contender was still starting (JIT, first fetches) when they arrived
     * @param processCpuNanos the CPU time this process has used, so that the CPU cost per record shows even when
     *                 other processes share the machine
     */
    public CompletionRecorder(int keyCount, long expected, Duration warmup, MicroClock clock,
                              LongSupplier processCpuNanos) {
        this.keys = new KeyLog[keyCount];
        for (int i = 0; i < keyCount; i++) {
            keys[i] = new KeyLog();
        }
        this.expected = expected;
        this.warmupMicros = TimeUnit.NANOSECONDS.toMicros(warmup.toNanos());
        this.clock = clock;
        this.processCpuNanos = processCpuNanos;
    }

    /** The function begins work on record {@code seq} of key {@code key}. */
    public void started(int key, int seq) {
        KeyLog log = keys[key];
        synchronized (log) {
            boolean again = log.done.get(seq);
            if (!again && (log.running > 0 || seq < log.highestStarted)) {
                violations.incrementAndGet();
            }
            log.running++;
            if (!again) {
                log.highestStarted = Math.max(log.highestStarted, seq);
            }
        }
    }

    /**
     * The function ended its work on a record that {@link #started} before.
     *
     * @param completed false when the work was cut short (the contender will run the record again)
     */
    public void ended(int key, int seq, long producedMicros, boolean completed) {
        KeyLog log = keys[key];
        boolean first;
        synchronized (log) {
            log.running--;
            if (!completed) {
                return;
            }
            first = !log.done.get(seq);
            log.done.set(seq);
        }
        if (!first) {
            duplicates.incrementAndGet();
            return;
        }
        long now = clock.nowMicros();
        if (firstMicros.compareAndSet(0, now)) {
            cpuNanosAtFirst = processCpuNanos.getAsLong();
        }
        if (producedMicros >= firstMicros.get() + warmupMicros) {
            latency.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, now - producedMicros)));
        }
        long done = distinct.incrementAndGet();
        if (done <= expected) {
            // Completions past `expected` (a run reporting late) do not stretch the window.
            lastMicros.accumulateAndGet(now, Math::max);
        }
        if (done == expected) {
            cpuNanosAtLast = processCpuNanos.getAsLong();
        }
    }

    public long distinct() {
        return distinct.get();
    }

    public boolean complete() {
        return distinct.get() >= expected;
    }

    /**
     * Waits until every expected record has completed, or until no new record has completed for
     * {@code stallTimeout} (a contender that loses records never completes them).
     *
     * @return whether the run completed
     */
    public boolean await(Duration stallTimeout) throws InterruptedException {
        long lastCount = -1;
        long lastChange = System.nanoTime();
        while (!complete()) {
            long count = distinct.get();
            long now = System.nanoTime();
            if (count != lastCount) {
                lastCount = count;
                lastChange = now;
            } else if (now - lastChange > stallTimeout.toNanos()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return true;
    }

    /** What was measured so far; call once, at the end, as it takes the latency histogram. */
    public synchronized Outcome outcome() {
        if (histogram == null) {
            histogram = latency.getIntervalHistogram();
        }
        long cpuAtLast = cpuNanosAtLast >= 0 ? cpuNanosAtLast : processCpuNanos.getAsLong();
        long cpuMicros = cpuNanosAtFirst < 0 ? 0 : Math.max(0, cpuAtLast - cpuNanosAtFirst) / 1_000;
        return new Outcome(expected, distinct.get(), duplicates.get(), violations.get(), firstMicros.get(),
                lastMicros.get(), cpuMicros, histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(90), histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
    }

    /** The records of one key: guarded by the object's own lock. */
    private static final class KeyLog {
        final BitSet done = new BitSet();
        int running;
        int highestStarted = -1;
    }
}
