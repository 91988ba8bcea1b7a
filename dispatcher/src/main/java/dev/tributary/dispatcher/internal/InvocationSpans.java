package dev.tributary.dispatcher.internal;

import dev.tributary.dispatcher.DispatcherSettings;
import dev.tributary.schemas.event.KafkaEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Objects;

/**
 * One CONSUMER span per invocation attempt of a function, named {@code process <topic>} with OpenTelemetry's
 * messaging attributes, the function and the attempt. Its parent is the trace context the event carries (the
 * ingest span that published it, or a function upstream); the function then sees the event carrying the span's
 * context, so its outputs and a remote function's request continue the trace from this attempt. A failed attempt
 * ends its span with error status and the exception.
 *
 * <p>Built on {@link OpenTelemetry#noop()} it is off: {@link #start} hands out the invalid span, {@link #carrying}
 * returns the event as it is and {@link #end} does nothing, with no allocation per record.
 */
public final class InvocationSpans {

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    static final AttributeKey<String> FUNCTION = AttributeKey.stringKey("tributary.function.name");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("tributary.invocation.attempt");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    /** Null when off. */
    private final Tracer tracer;
    private final String functionName;
    private final String groupId;

    private InvocationSpans(Tracer tracer, String functionName, String groupId) {
        this.tracer = tracer;
        this.functionName = functionName;
        this.groupId = groupId;
    }

    /** Spans of {@code settings}' function from {@code openTelemetry}'s tracer; off for {@link OpenTelemetry#noop()}. */
    public static InvocationSpans of(OpenTelemetry openTelemetry, DispatcherSettings settings) {
        Objects.requireNonNull(openTelemetry, "openTelemetry (OpenTelemetry.noop() for no spans)");
        Tracer tracer = openTelemetry == OpenTelemetry.noop() ? null : openTelemetry.getTracer("dev.tributary.dispatcher");
        return new InvocationSpans(tracer, settings.functionName(), settings.groupId());
    }

    /** Starts the span of one attempt at {@code event}; {@code attempt} counts from 1. */
    Span start(KafkaEvent event, int attempt) {
        if (tracer == null) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("process " + event.topic())
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(EventTraceContext.of(event.cloudEvent()))
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION_TYPE, "process")
                .setAttribute(OPERATION_NAME, "process")
                .setAttribute(DESTINATION, event.topic())
                .setAttribute(PARTITION, Integer.toString(event.partition()))
                .setAttribute(OFFSET, event.offset())
                .setAttribute(GROUP, groupId)
                .setAttribute(MESSAGE_ID, event.cloudEvent().getId())
                .setAttribute(EVENT_TYPE, event.cloudEvent().getType())
                .setAttribute(FUNCTION, functionName)
                .setAttribute(ATTEMPT, (long) attempt)
                .startSpan();
    }

    /** {@code event} as the function gets it: carrying {@code span}'s context when spans are on. */
    KafkaEvent carrying(KafkaEvent event, Span span) {
        return tracer == null ? event : EventTraceContext.carrying(event, span);
    }

    /** Ends the attempt's span, with {@code error} when it failed (null when it succeeded). */
    void end(Span span, Throwable error) {
        if (tracer == null) {
            return;
        }
        if (error != null) {
            span.recordException(error);
            span.setAttribute(ERROR_TYPE, error.getClass().getName());
            span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
        }
        span.end();
    }
}
