package dev.tributary.launcher.config;

import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.dispatcher.OrderingMode;
import dev.tributary.schemas.filter.EventFilter;
import java.util.Objects;

/**
 * What a function consumes and how.
 *
 * @param topics      the topics, named or matched by a pattern
 * @param filter      the events the function is invoked with; the others are skipped and committed
 * @param ordering    the order guarantee, which bounds parallelism
 * @param concurrency the cap: the most invocations of this function in flight at once in this process
 * @param minConcurrency the floor of the adaptive concurrency limit; equal to the cap for a fixed concurrency
 * @param startFrom   where a new consumer group starts
 * @param group       the Kafka consumer group, shared by every process that runs the function
 * @param failures    timeout, retries and dead-letter topic
 */
public record SubscribeSettings(TopicSelection topics, EventFilter filter, OrderingMode ordering, int concurrency,
        int minConcurrency, StartFrom startFrom, String group, FailureSettings failures) {

    public SubscribeSettings {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(ordering, "ordering");
        Objects.requireNonNull(startFrom, "startFrom");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(failures, "failures");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (minConcurrency < 1 || minConcurrency > concurrency) {
            throw new IllegalArgumentException("minConcurrency must be between 1 and concurrency (" + concurrency
                    + "), not " + minConcurrency);
        }
    }
}
