package dev.tributary.dispatcher.internal;

import dev.tributary.schemas.event.KafkaEvent;
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
     * {@code event} with {@code span}'s context in place of the one it carried: what the function sees, what its
     * outputs inherit and what a remote function's request carries. The record's headers stay as they were read.
     * An event that cannot be rebuilt goes as it is: tracing never fails an invocation.
     */
    static KafkaEvent carrying(KafkaEvent event, Span span) {
        Map<String, String> context = new HashMap<>(2);
        W3C.inject(Context.root().with(span), context, (carrier, name, value) -> carrier.put(name, value));
        if (context.isEmpty()) {
            return event;
        }
        try {
            CloudEventBuilder builder = CloudEventBuilder.from(event.cloudEvent()).withoutExtension("tracestate");
            context.forEach(builder::withExtension);
            return new KafkaEvent(event.topic(), event.partition(), event.offset(), event.key(), builder.build(),
                    event.headers(), event.contentMode());
        } catch (RuntimeException e) {
            return event;
        }
    }
}
