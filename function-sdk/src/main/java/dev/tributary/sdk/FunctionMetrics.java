package dev.tributary.sdk;

import java.time.Duration;

/**
 * Metrics a function records about its own work. Tributary prefixes the names with
 * {@code tributary.function.} and tags them with the function's name; tags are alternating keys and values.
 */
public interface FunctionMetrics {

    /** Adds one to a counter. */
    void increment(String name, String... tags);

    /** Records how long something took. */
    void record(String name, Duration duration, String... tags);

    /** Metrics that go nowhere, for tests and tools. */
    FunctionMetrics NONE = new FunctionMetrics() {
        @Override
        public void increment(String name, String... tags) {
        }

        @Override
        public void record(String name, Duration duration, String... tags) {
        }
    };
}
