package dev.tributary.ingest.http.internal;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.MultiMap;
import java.util.regex.Pattern;

/**
 * A request's W3C trace context ({@code traceparent}, {@code tracestate} headers), carried into the events it
 * posts as the CloudEvents distributed-tracing extension, so the trace goes on through Kafka to the functions and
 * their outputs. An event that has its own trace context keeps it; a malformed {@code traceparent} is ignored, as
 * the W3C specification asks. With spans on, the publisher makes this context the parent of the event's publish
 * span and sends the event on with the span's own.
 */
final class TraceContext {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private final String traceparent;
    private final String tracestate;

    private TraceContext(String traceparent, String tracestate) {
        this.traceparent = traceparent;
        this.tracestate = tracestate;
    }

    static TraceContext of(MultiMap headers) {
        String parent = headers.get("traceparent");
        if (parent == null || !TRACEPARENT.matcher(parent.strip()).matches()) {
            return new TraceContext(null, null);
        }
        return new TraceContext(parent.strip(), headers.get("tracestate"));
    }

    CloudEvent applyTo(CloudEvent event) {
        if (traceparent == null || event.getExtension("traceparent") != null) {
            return event;
        }
        CloudEventBuilder builder = CloudEventBuilder.from(event).withExtension("traceparent", traceparent);
        if (tracestate != null && !tracestate.isBlank()) {
            builder.withExtension("tracestate", tracestate.strip());
        }
        return builder.build();
    }
}
