package dev.tributary.connectors.storage;

import dev.tributary.connectors.storage.internal.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A bucket in memory for the sink's unit tests: it records every write, can be told to fail the next ones, and can
 * hold writes until released, to see what happens while a write is out.
 */
public final class InMemoryStore implements ObjectStore {

    /** One write: what was sent, and whether the store kept it. */
    public record Put(String name, byte[] body, String contentType, boolean stored) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public List<String> lines() {
            return text().lines().toList();
        }
    }

    private final List<Put> puts = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> objects = new TreeMap<>();
    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile boolean closed;

    /** The next write fails with {@code failure}; further calls queue further failures. */
    public InMemoryStore failNext(RuntimeException failure) {
        failures.add(failure);
        return this;
    }

    /** Writes wait until {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    @Override
    public void put(String name, byte[] body, String contentType) {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the store");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held", e);
        }
        RuntimeException failure = failures.poll();
        puts.add(new Put(name, body.clone(), contentType, failure == null));
        if (failure != null) {
            throw failure;
        }
        synchronized (objects) {
            objects.put(name, body.clone());
        }
    }

    /** Every write, in the order they reached the store. */
    public List<Put> puts() {
        return List.copyOf(puts);
    }

    /** The writes the store kept. */
    public List<Put> stored() {
        return puts.stream().filter(Put::stored).toList();
    }

    /** The names of the objects in the bucket, sorted. */
    public List<String> names() {
        synchronized (objects) {
            return new ArrayList<>(objects.keySet());
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        gate.countDown();
    }
}
