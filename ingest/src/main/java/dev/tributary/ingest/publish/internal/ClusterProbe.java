package dev.tributary.ingest.publish.internal;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Asks Kafka whether it answers: completes normally when it does within {@code timeout}, else exceptionally. */
@FunctionalInterface
public interface ClusterProbe {

    CompletionStage<?> probe(Duration timeout);
}
