package dev.tributary.ingest.mqtt.internal;

import dev.tributary.ingest.publish.Acknowledgement;
import io.cloudevents.CloudEvent;
import java.util.concurrent.CompletionStage;

/** Where the pipeline publishes: the shared publisher itself, or one that retries for the bridge. */
@FunctionalInterface
public interface EventSink {

    /** Completes once Kafka has the event, or with the {@code PublishException} that says why not. */
    CompletionStage<Acknowledgement> publish(String topic, CloudEvent event);
}
