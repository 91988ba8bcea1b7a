package dev.tributary.connectors.storage.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a change to a partition's batches asks for once its lock is released: invocations to complete, writes to
 * start, timers to set, failed batches to account for. Completing invocations outside the lock matters: what
 * depends on them (the dispatcher's bookkeeping) runs on the completing thread.
 */
final class Steps {

    /**
     * A write of a sealed batch: its name and content, fixed, so the write needs no lock.
     *
     * @param attempt 1 for the batch's first write, then 2, 3, ... as its events' retries write it again
     */
    record Write(Batch batch, String name, byte[] body, int attempt) {
    }

    /** A batch to look at again when it is due, as of the change. */
    record Timer(Batch batch, Instant dueAt) {
    }

    final List<CompletableFuture<Void>> succeeded = new ArrayList<>();
    final List<CompletableFuture<Void>> failed = new ArrayList<>();
    RuntimeException failure;
    final List<Write> writes = new ArrayList<>();
    final List<Timer> timers = new ArrayList<>();
    /** A batch that failed and keeps its content for the retries of its events, and how large that is. */
    Batch retained;
    int retainedBytes;
    /** A batch whose content is gone (written or forgotten): it no longer counts against the retention budget. */
    Batch released;
    /** A batch was given a due time before its maxAge, to be written within its events' invocation timeout. */
    boolean closedEarlyForDeadline;

    void timer(Batch batch) {
        timers.add(new Timer(batch, batch.dueAt()));
    }

    void write(Batch batch) {
        writes.add(new Write(batch, batch.name(), batch.body(), batch.nextWrite()));
    }

    void fail(List<CompletableFuture<Void>> futures, RuntimeException error) {
        failed.addAll(futures);
        failure = error;
    }
}
