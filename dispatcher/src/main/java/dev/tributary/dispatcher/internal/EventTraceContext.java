package dev.tributary.dispatcher.internal;

import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.TraceContextExtensions;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * An event's trace context (the CloudEvents distributed-tracing extension) as OpenTelemetry's: always W3C, whatever
 * propagators a process configures, because that is the format the extension defines.
 */
final class EventTraceContext {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> EXTENSIONS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> extensions) {
            return extensions.keySet();
        }

        @Override
        public String get(Map<String, String> extensions, String name) {
            return extensions == null ? null : extensions.get(name);
        }
    };

    private EventTraceContext() {
    }

    /** The trace context {@code event} carries, on an empty context; an invalid or missing one gives no parent. */
    static Context of(CloudEvent event) {
        return W3C.extract(Context.root(), TraceContextExtensions.read(event), EXTENSIONS);
    }

    /** {@code span}'s context as the extensions that carry it. */
    static Map<String, String> of(Span span) {
        Map<String, String> context = new HashMap<>(2);
        W3C.inject(Context.root().with(span), context, Map::put);
        return context;
    }

    /**
     * {@code event} with {@code span}'s context in place of the one it carried: what the function sees, what its
     * outputs inherit and what a remote function's request carries. The record's headers stay as they were read.
     * An event that cannot be rebuilt goes as it is: tracing never fails an invocation.
     */
    static KafkaEvent carrying(KafkaEvent event, Span span) {
        CloudEvent traced = TraceContextExtensions.replace(event.cloudEvent(), of(span));
        if (traced == event.cloudEvent()) {
            return event;
        }
        return new KafkaEvent(event.topic(), event.partition(), event.offset(), event.key(), traced, event.headers(),
                event.contentMode());
    }
}
