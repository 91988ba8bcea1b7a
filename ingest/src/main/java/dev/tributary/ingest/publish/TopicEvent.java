package dev.tributary.ingest.publish;

import io.cloudevents.CloudEvent;
import java.util.Objects;

/**
 * A CloudEvent and the topic it is for. Its {@code partitionkey} extension, when it has one, becomes the record
 * key, so events with the same key land in the same partition in the order they were published.
 */
public record TopicEvent(String topic, CloudEvent event) {

    public TopicEvent {
        Objects.requireNonNull(topic, "topic of an event to publish");
        Objects.requireNonNull(event, "event to publish to " + topic);
    }
}
