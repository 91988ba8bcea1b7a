package dev.tributary.ingest.http;

import dev.tributary.schemas.filter.EventFilter;
import java.util.Objects;

/**
 * Where CloudEvents posted to {@code /events} go: the first route whose filter matches an event's attributes
 * decides its topic. The filter has the syntax of subscription filters.
 *
 * @param match which events take this route
 * @param topic the Kafka topic they are written to
 */
public record EventRoute(EventFilter match, String topic) {

    public EventRoute {
        Objects.requireNonNull(match, "match of a route (EventFilter.ALL for every event)");
        TopicNames.require(topic, "topic of a route");
    }
}
