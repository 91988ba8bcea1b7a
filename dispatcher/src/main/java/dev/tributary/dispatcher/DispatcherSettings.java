package dev.tributary.dispatcher;

import dev.tributary.schemas.filter.EventFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one function's dispatcher consumes and how.
 *
 * @param functionName           the function's name, used in the group id, client ids, logs and metrics
 * @param groupId                the consumer group; one per function, so functions never delay each other
 * @param topics                 the topics to consume, or empty when {@code pattern} is set
 * @param pattern                a topic pattern, or empty when {@code topics} is set
 * @param filter                 which events the function sees; the others are committed and counted only
 * @param ordering               how invocations are ordered (see {@link OrderingMode})
 * @param concurrency            the cap: the most invocations of this function in flight in this process
 * @param minConcurrency         the floor of the adaptive limit: below the cap, the limit backs off when the
 *                               function is overloaded or its latency rises and grows back while work waits;
 *                               equal to the cap, the concurrency is fixed
 * @param maxBufferedPerPartition records read but not started, per partition, before it is paused
 * @param commitInterval         how often completed offsets are committed
 * @param drainTimeout           on revoke or shutdown, how long in-flight work may finish before it is
 *                               abandoned uncommitted
 * @param consumerProperties     Kafka consumer settings: bootstrap servers, security, {@code auto.offset.reset},
 *                               {@code group.protocol}; the dispatcher sets group id, deserializers and
 *                               auto-commit itself
 */
public record DispatcherSettings(
        String functionName,
        String groupId,
        List<String> topics,
        Optional<Pattern> pattern,
        EventFilter filter,
        OrderingMode ordering,
        int concurrency,
        int minConcurrency,
        int maxBufferedPerPartition,
        Duration commitInterval,
        Duration drainTimeout,
        Map<String, Object> consumerProperties) {

    public DispatcherSettings {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(groupId, "groupId");
        topics = List.copyOf(topics);
        Objects.requireNonNull(pattern, "pattern");
        if (topics.isEmpty() == pattern.isEmpty()) {
            throw new IllegalArgumentException(functionName + ": subscribe to topics or to a pattern, exactly one");
        }
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(ordering, "ordering");
        if (concurrency < 1) {
            throw new IllegalArgumentException(functionName + ": concurrency must be at least 1, not " + concurrency);
        }
        if (minConcurrency < 1 || minConcurrency > concurrency) {
            throw new IllegalArgumentException(functionName + ": minConcurrency must be between 1 and concurrency ("
                    + concurrency + "), not " + minConcurrency);
        }
        if (maxBufferedPerPartition < 1) {
            throw new IllegalArgumentException(functionName + ": maxBufferedPerPartition must be at least 1");
        }
        Objects.requireNonNull(commitInterval, "commitInterval");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        consumerProperties = Map.copyOf(consumerProperties);
    }

    /**
     * Settings with the defaults: group {@code tributary.<name>}, key ordering, concurrency adaptive between 1 and
     * 16.
     */
    public static DispatcherSettings forTopics(String functionName, List<String> topics, Map<String, Object> consumerProperties) {
        return new DispatcherSettings(functionName, "tributary." + functionName, topics, Optional.empty(),
                EventFilter.ALL, OrderingMode.KEY, 16, 1, 1_000, Duration.ofSeconds(1), Duration.ofSeconds(10),
                consumerProperties);
    }

    public DispatcherSettings withOrdering(OrderingMode ordering) {
        return new DispatcherSettings(functionName, groupId, topics, pattern, filter, ordering, concurrency,
                minConcurrency, maxBufferedPerPartition, commitInterval, drainTimeout, consumerProperties);
    }

    /** The cap, keeping the floor where it is unless it was above the new cap. */
    public DispatcherSettings withConcurrency(int concurrency) {
        return withConcurrency(Math.min(minConcurrency, concurrency), concurrency);
    }

    /** An adaptive limit between {@code min} and {@code max}; fixed when they are equal. */
    public DispatcherSettings withConcurrency(int min, int max) {
        return new DispatcherSettings(functionName, groupId, topics, pattern, filter, ordering, max, min,
                maxBufferedPerPartition, commitInterval, drainTimeout, consumerProperties);
    }

    public DispatcherSettings withFilter(EventFilter filter) {
        return new DispatcherSettings(functionName, groupId, topics, pattern, filter, ordering, concurrency,
                minConcurrency, maxBufferedPerPartition, commitInterval, drainTimeout, consumerProperties);
    }

    public DispatcherSettings withMaxBufferedPerPartition(int maxBuffered) {
        return new DispatcherSettings(functionName, groupId, topics, pattern, filter, ordering, concurrency,
                minConcurrency, maxBuffered, commitInterval, drainTimeout, consumerProperties);
    }
}
