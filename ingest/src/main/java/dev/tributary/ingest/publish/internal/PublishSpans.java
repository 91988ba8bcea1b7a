package dev.tributary.ingest.publish.internal;

import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.TopicEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One PRODUCER span per published event, named {@code publish <topic>} with OpenTelemetry's messaging attributes.
 * Its parent is the trace context the event arrived with (an HTTP request's {@code traceparent}, or the event's
 * own); the event then leaves carrying the span's context, so the spans of its consumers are the span's children.
 * A span ends when the publish has its outcome: with the partition and offset once Kafka acknowledged it, or with
 * the error.
 *
 * <p>Built on {@link OpenTelemetry#noop()} it is {@linkplain #enabled() off}: the publisher then skips it entirely,
 * so an untraced process neither parses trace context nor rebuilds events.
 */
public final class PublishSpans {

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private static final PublishSpans OFF = new PublishSpans(null);

    /** Null when off. */
    private final Tracer tracer;

    private PublishSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Spans from {@code openTelemetry}'s tracer; off for {@link OpenTelemetry#noop()}. */
    public static PublishSpans of(OpenTelemetry openTelemetry) {
        Objects.requireNonNull(openTelemetry, "openTelemetry (OpenTelemetry.noop() for no spans)");
        return openTelemetry == OpenTelemetry.noop() ? OFF : new PublishSpans(openTelemetry.getTracer("dev.tributary.ingest"));
    }

    public static PublishSpans off() {
        return OFF;
    }

    public boolean enabled() {
        return tracer != null;
    }

    /** Starts a span for each event; the returned events carry them. Call only when {@link #enabled()}. */
    public Started start(List<TopicEvent> events) {
        List<TopicEvent> traced = new ArrayList<>(events.size());
        List<Span> spans = new ArrayList<>(events.size());
        for (TopicEvent event : events) {
            Span span = tracer.spanBuilder("publish " + event.topic())
                    .setSpanKind(SpanKind.PRODUCER)
                    .setParent(EventTraceContext.of(event.event()))
                    .setAttribute(SYSTEM, "kafka")
                    .setAttribute(DESTINATION, event.topic())
                    .setAttribute(OPERATION_TYPE, "send")
                    .setAttribute(OPERATION_NAME, "publish")
                    .setAttribute(MESSAGE_ID, event.event().getId())
                    .setAttribute(EVENT_TYPE, event.event().getType())
                    .startSpan();
            spans.add(span);
            traced.add(new TopicEvent(event.topic(), EventTraceContext.carrying(event.event(), span)));
        }
        return new Started(List.copyOf(traced), List.copyOf(spans));
    }

    /**
     * The spans of one publish and its events as they go to Kafka.
     *
     * @param events the events, each carrying its span's context
     * @param spans  one per event, in the same order
     */
    public record Started(List<TopicEvent> events, List<Span> spans) {

        /** Ends every span once {@code outcome} completes, as that outcome says. */
        public void endWhen(CompletionStage<List<Acknowledgement>> outcome) {
            outcome.whenComplete((acknowledgements, error) -> {
                if (error == null) {
                    acknowledged(acknowledgements);
                } else {
                    failed(error instanceof CompletionException wrapped && wrapped.getCause() != null
                            ? wrapped.getCause() : error);
                }
            });
        }

        private void acknowledged(List<Acknowledgement> acknowledgements) {
            for (int i = 0; i < spans.size(); i++) {
                Acknowledgement ack = acknowledgements.get(i);
                spans.get(i).setAttribute(PARTITION, Integer.toString(ack.partition()))
                        .setAttribute(OFFSET, ack.offset())
                        .end();
            }
        }

        private void failed(Throwable error) {
            for (Span span : spans) {
                span.recordException(error);
                span.setAttribute(ERROR_TYPE, error.getClass().getName());
                span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
                span.end();
            }
        }
    }
}
