package dev.tributary.ingest.publish.internal;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * The CloudEvents distributed-tracing extension ({@code traceparent}, {@code tracestate}) read and written as W3C
 * trace context. Always W3C, whatever propagators a process configures: that is the format the extension defines.
 */
final class EventTraceContext {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<CloudEvent> EXTENSIONS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(CloudEvent event) {
            return event.getExtensionNames();
        }

        @Override
        public String get(CloudEvent event, String name) {
            Object value = event == null ? null : event.getExtension(name);
            return value == null ? null : value.toString();
        }
    };

    private EventTraceContext() {
    }

    /** The trace context {@code event} carries, on an empty context; an invalid or missing one gives no parent. */
    static Context of(CloudEvent event) {
        return W3C.extract(Context.root(), event, EXTENSIONS);
    }

    /**
     * {@code event} carrying {@code span}'s context instead of its own, so that what consumes it continues the trace
     * from {@code span}. A {@code tracestate} the span does not carry is dropped with the old {@code traceparent}.
     * An event that cannot be rebuilt goes as it is: tracing never fails a publish.
     */
    static CloudEvent carrying(CloudEvent event, Span span) {
        Map<String, String> context = new HashMap<>(2);
        W3C.inject(Context.root().with(span), context, (carrier, name, value) -> carrier.put(name, value));
        if (context.isEmpty()) {
            return event;
        }
        try {
            CloudEventBuilder builder = CloudEventBuilder.from(event).withoutExtension("tracestate");
            context.forEach(builder::withExtension);
            return builder.build();
        } catch (RuntimeException e) {
            return event;
        }
    }
}
