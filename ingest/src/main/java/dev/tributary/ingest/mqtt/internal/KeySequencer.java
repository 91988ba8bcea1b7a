package dev.tributary.ingest.mqtt.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Keeps the order of a device's messages on Kafka: a publish for a topic and key starts only once the one before it
 * for the same topic and key has completed, for sinks that may write publishes in flight together out of order
 * (one that tries a refused event again later does).
 *
 * <p>The cost is one message in flight per device and topic, which bounds a single device to about one message per
 * Kafka round trip; different keys run in parallel. Messages without a key are not ordered. Thread-safe; holds an
 * entry per key only while a publish for it is in flight.
 */
public final class KeySequencer {

    private final ConcurrentMap<SequenceKey, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    /** Runs {@code publish} once every earlier publish for {@code topic} and {@code key} has completed. */
    public <T> CompletionStage<T> submit(String topic, Optional<String> key, Supplier<CompletionStage<T>> publish) {
        if (key.isEmpty()) {
            return start(publish);
        }
        SequenceKey sequence = new SequenceKey(topic, key.get());
        CompletableFuture<T> done = new CompletableFuture<>();
        CompletableFuture<?> previous = tails.put(sequence, done);
        if (previous == null) {
            relay(start(publish), done);
        } else {
            previous.whenComplete((ignored, error) -> relay(start(publish), done));
        }
        done.whenComplete((ignored, error) -> tails.remove(sequence, done));
        return done;
    }

    private static <T> CompletionStage<T> start(Supplier<CompletionStage<T>> publish) {
        try {
            return publish.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    private static <T> void relay(CompletionStage<T> from, CompletableFuture<T> to) {
        from.whenComplete((value, error) -> {
            if (error != null) {
                to.completeExceptionally(error);
            } else {
                to.complete(value);
            }
        });
    }

    private record SequenceKey(String topic, String key) {
    }
}
