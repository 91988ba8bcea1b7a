package dev.tributary.bench.core;

import java.time.Duration;

/**
 * The benchmark function, the same for every contender: it works for a fixed time (nothing for {@code noop},
 * a 5 ms sleep for {@code io5ms}, standing for a call to a remote service) on whatever thread the contender runs
 * it, and reports to the {@link CompletionRecorder}.
 */
public final class Workload {

    private final Duration work;
    private final CompletionRecorder recorder;

    public Workload(Duration work, CompletionRecorder recorder) {
        this.work = work;
        this.recorder = recorder;
    }

    /**
     * Handles record {@code seq} of key {@code key}.
     *
     * @throws InterruptedException when the contender interrupted the work; the record did not complete
     */
    public void handle(int key, int seq, long producedMicros) throws InterruptedException {
        recorder.started(key, seq);
        boolean completed = false;
        try {
            if (!work.isZero()) {
                Thread.sleep(work);
            }
            completed = true;
        } finally {
            recorder.ended(key, seq, producedMicros, completed);
        }
    }

    /**
     * {@link #handle} for contenders whose callback cannot throw checked exceptions: an interruption fails the
     * record with an unchecked exception, so the contender runs it again, and keeps the thread's interrupt flag.
     */
    public void handleUnchecked(int key, int seq, long producedMicros) {
        try {
            handle(key, seq, producedMicros);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handling a record", e);
        }
    }
}
