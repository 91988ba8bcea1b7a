package dev.tributary.connectors.storage.internal;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Events of one partition that become one object, and the invocations waiting for it. Its life:
 *
 * <pre>
 * filling ─(full, or due)─► writing ─(stored)─► written ─(no failed event owed any more)─► forgotten
 *                            │    ▲                (a failed event that comes back completes at once)
 *                  retryable │    └──(every failed event back, or due)── gathering
 *                            ▼                                              ▲
 *                          failed ─────────(a failed event comes back)──────┘
 * </pre>
 *
 * A failure the store calls final forgets the batch at once: its events go to the dead-letter topic. The content and
 * the name are fixed when the batch first leaves "filling", so every write of it puts the same bytes under the same
 * name, and a write whose outcome was unknown (a timeout, a lost connection) is repeated, not joined by a second
 * object holding the same events.
 *
 * <p>Not thread-safe: its {@link PartitionBatches} guards it.
 */
final class Batch {

    enum State { FILLING, WRITING, FAILED, GATHERING, WRITTEN }

    private static final byte[] EMPTY = new byte[0];

    private final TreeMap<Long, byte[]> lines = new TreeMap<>();
    private final Map<Long, List<CompletableFuture<Void>>> waiting = new HashMap<>();
    /** Events whose attempt failed with this batch and that have not been handed in again. */
    private final Set<Long> owed = new HashSet<>();
    private State state = State.FILLING;
    private long bytes;
    private Instant dueAt;
    private String name;
    private byte[] body;
    private int writes;

    /** @param dueAt when it is written at the latest, however few events it has */
    Batch(Instant dueAt) {
        this.dueAt = dueAt;
    }

    State state() {
        return state;
    }

    void state(State state) {
        this.state = state;
    }

    /** Adds an event while filling. */
    void add(long offset, byte[] line, CompletableFuture<Void> done) {
        lines.put(offset, line);
        bytes += line.length;
        await(offset, done);
    }

    /** An invocation of a member event that waits for the outcome of the next (or current) write. */
    void await(long offset, CompletableFuture<Void> done) {
        waiting.computeIfAbsent(offset, ignored -> new ArrayList<>(1)).add(done);
        owed.remove(offset);
    }

    /** Hands out the waiting invocations, which the caller completes; after a failure their events are owed. */
    List<CompletableFuture<Void>> takeWaiting(boolean failed) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        waiting.forEach((offset, futures) -> {
            all.addAll(futures);
            if (failed) {
                owed.add(offset);
            }
        });
        waiting.clear();
        return all;
    }

    /** Notes that a member event came back after the batch was written: it owes nothing any more. */
    void settled(long offset) {
        owed.remove(offset);
    }

    boolean owesNothing() {
        return owed.isEmpty();
    }

    Set<Long> offsets() {
        return lines.keySet();
    }

    int size() {
        return lines.size();
    }

    long bytes() {
        return bytes;
    }

    Instant dueAt() {
        return dueAt;
    }

    /** Moves the due time earlier, never later; whether it moved. */
    boolean dueNoLaterThan(Instant time) {
        if (time.isBefore(dueAt)) {
            dueAt = time;
            return true;
        }
        return false;
    }

    void dueAt(Instant time) {
        dueAt = time;
    }

    /** Fixes the name and the content, lines in offset order; later calls keep them. */
    void seal(ObjectNames names, String topic, int partition) {
        if (name != null) {
            return;
        }
        name = names.of(topic, partition, lines.firstKey(), lines.lastKey());
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, bytes));
        lines.values().forEach(out::writeBytes);
        body = out.toByteArray();
    }

    String name() {
        return name;
    }

    /** Counts a write of the batch and returns which one it is: 1 for the first. */
    int nextWrite() {
        return ++writes;
    }

    /** The sealed content; null once written, when only the offsets are kept. */
    byte[] body() {
        return body;
    }

    /** Drops the content and the lines once the object exists: only the offsets are still needed. */
    void dropContent() {
        body = null;
        lines.replaceAll((offset, line) -> EMPTY);
    }

    @Override
    public String toString() {
        return name != null ? name : "batch of " + lines.size() + " from offset " + lines.firstKey();
    }
}
