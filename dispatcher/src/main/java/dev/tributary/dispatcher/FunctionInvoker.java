package dev.tributary.dispatcher;

import dev.tributary.schemas.event.KafkaEvent;
import java.util.concurrent.CompletionStage;

/**
 * Runs a function on one event. The returned stage completes when the event is done, outputs included (written
 * to Kafka and acknowledged), and completes exceptionally when the function failed; the dispatcher completes it
 * exceptionally itself when the attempt runs past its timeout, and the invoker then abandons the attempt.
 * Implementations: in-process functions written with the SDK, and remote functions over HTTP.
 */
@FunctionalInterface
public interface FunctionInvoker extends AutoCloseable {

    /**
     * @param event   the event, decoded from its record
     * @param attempt 1 for the first attempt at this event, then 2, 3, ... on retries
     */
    CompletionStage<Void> invoke(KafkaEvent event, int attempt);

    /**
     * Whether {@link #invoke} returns at once, leaving the work to a thread of the invoker's own, so that the
     * dispatcher may call it from its consumer thread. By default the dispatcher calls it on a virtual thread of its
     * own, where it may block.
     */
    default boolean returnsAtOnce() {
        return false;
    }

    /** Releases the function: called once, after the last invocation. */
    @Override
    default void close() throws Exception {
    }
}
