package dev.tributary.ingest.http.internal;

import dev.tributary.ingest.http.EventRoute;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Chooses the topic of a CloudEvent posted to {@code /events}: the first matching route, else the default topic. */
public final class EventRouter {

    private final List<EventRoute> routes;
    private final Optional<String> defaultTopic;

    public EventRouter(List<EventRoute> routes, Optional<String> defaultTopic) {
        this.routes = List.copyOf(routes);
        this.defaultTopic = defaultTopic;
    }

    /** @throws InvalidEventException when no route matches and there is no default topic */
    public String topicFor(CloudEvent event) {
        Function<String, String> attributes = attributesOf(event);
        for (EventRoute route : routes) {
            if (route.match().matches(attributes)) {
                return route.topic();
            }
        }
        return defaultTopic.orElseThrow(() -> new InvalidEventException("type", "no route matches the event of type '"
                + event.getType() + "' from source '" + event.getSource() + "', and there is no default topic; "
                + "send an event that a route takes"));
    }

    /** An event's attributes and extensions by name, as strings; {@code null} for one it does not have. */
    static Function<String, String> attributesOf(CloudEvent event) {
        return name -> {
            Object value = event.getSpecVersion().getAllAttributes().contains(name)
                    ? event.getAttribute(name) : event.getExtension(name);
            return value == null ? null : value.toString();
        };
    }
}
