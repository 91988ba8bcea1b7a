package dev.tributary.sdk;

import java.time.Instant;
import org.slf4j.Logger;

/**
 * What a function may use while it handles one event. A context belongs to one invocation: do not keep it
 * after {@code handle} returns (or after the returned stage completes).
 */
public interface Context {

    /** The function's name in {@code tributary.yaml}. */
    String functionName();

    /** When this invocation times out; work past it is wasted, as the event will be retried or dead-lettered. */
    Instant deadline();

    /** A logger named after the function. */
    Logger logger();

    /** Counters and timers tagged with the function's name. */
    FunctionMetrics metrics();

    /**
     * Emits an event to the function's configured output topic. It is written to Kafka before the input event
     * counts as done, so an input whose offset is committed never loses its outputs.
     *
     * @throws IllegalStateException when the function has no output topic configured
     */
    void emit(Output output);

    /** Emits an event to a named topic, with the same guarantee as {@link #emit(Output)}. */
    void emit(String topic, Output output);
}
