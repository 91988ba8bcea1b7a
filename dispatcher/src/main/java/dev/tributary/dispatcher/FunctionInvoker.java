package dev.tributary.dispatcher;

import dev.tributary.schemas.event.KafkaEvent;
import java.util.concurrent.CompletionStage;

/**
 * Runs a function on one event. The dispatcher calls it on a virtual thread of its own; the returned stage
 * completes when the event is done, outputs included (written to Kafka and acknowledged), and completes
 * exceptionally when the function failed. Implementations: in-process functions written with the SDK, and
 * remote functions over HTTP.
 */
@FunctionalInterface
public interface FunctionInvoker extends AutoCloseable {

    /**
     * @param event   the event, decoded from its record
     * @param attempt 1 for the first attempt at this event, then 2, 3, ... on retries
     */
    CompletionStage<Void> invoke(KafkaEvent event, int attempt);

    /** Releases the function: called once, after the last invocation. */
    @Override
    default void close() throws Exception {
    }
}
