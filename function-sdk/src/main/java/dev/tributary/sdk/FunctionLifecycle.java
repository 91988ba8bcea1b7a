package dev.tributary.sdk;

/**
 * Hooks around a function instance's life. Tributary creates one instance per function per process, calls
 * {@link #open} once before the first event, and {@link #close} once after the last, on shutdown. Events are
 * handled concurrently (up to the subscription's concurrency), so an instance must be thread-safe.
 */
public interface FunctionLifecycle {

    /** Prepares the instance: read settings, open clients. Throwing stops the function from starting. */
    default void open(FunctionConfig config) throws Exception {
    }

    /** Releases what {@link #open} acquired. */
    default void close() throws Exception {
    }
}
