package dev.tributary.schemas.event;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudEvents distributed-tracing extension: W3C trace context ({@value #TRACEPARENT}, {@value #TRACESTATE})
 * carried as event attributes, read and replaced as text. Tracing libraries parse and make the values; this is
 * where events hold them.
 */
public final class TraceContextExtensions {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** The extensions that make up an event's trace context. */
    public static final List<String> NAMES = List.of(TRACEPARENT, TRACESTATE);

    private TraceContextExtensions() {
    }

    /** The trace context {@code event} carries, by extension name; empty when it carries none. */
    public static Map<String, String> read(CloudEvent event) {
        Map<String, String> context = new HashMap<>(2);
        for (String name : NAMES) {
            Object value = event.getExtension(name);
            if (value != null) {
                context.put(name, value.toString());
            }
        }
        return context;
    }

    /**
     * {@code event} carrying {@code context} instead of its own trace context: a {@value #TRACESTATE} that
     * {@code context} lacks goes with the old {@value #TRACEPARENT}. An event that cannot be rebuilt comes back as it
     * is, because tracing must never fail the work it describes.
     */
    public static CloudEvent replace(CloudEvent event, Map<String, String> context) {
        if (context.isEmpty()) {
            return event;
        }
        try {
            CloudEventBuilder builder = CloudEventBuilder.from(event).withoutExtension(TRACESTATE);
            context.forEach(builder::withExtension);
            return builder.build();
        } catch (RuntimeException e) {
            return event;
        }
    }
}
