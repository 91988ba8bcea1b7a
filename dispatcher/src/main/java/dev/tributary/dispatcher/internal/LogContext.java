package dev.tributary.dispatcher.internal;

import dev.tributary.schemas.event.KafkaEvent;
import org.slf4j.MDC;

/**
 * The record a thread works on, in the logging MDC, so that every line logged meanwhile (the dispatcher's and the
 * function's own) says which function, topic, partition and offset it is about, and the trace it belongs to. JSON
 * logs carry these as fields; names follow OpenTelemetry's messaging conventions.
 */
public final class LogContext implements AutoCloseable {

    static final String FUNCTION = "function";
    static final String TOPIC = "messaging.destination.name";
    static final String PARTITION = "messaging.destination.partition.id";
    static final String OFFSET = "messaging.kafka.offset";
    /** The CloudEvents distributed-tracing extension: W3C trace context carried with the event. */
    static final String TRACEPARENT = "traceparent";

    private LogContext() {
    }

    /** Puts {@code work}'s record in this thread's MDC until closed. */
    static LogContext of(String function, Work work) {
        return of(function, work, work.event);
    }

    /**
     * Puts {@code work}'s record in this thread's MDC until closed, with the trace context of {@code event}: the
     * record's event as the function sees it, carrying the span of the attempt when spans are on.
     */
    static LogContext of(String function, Work work, KafkaEvent event) {
        return of(function, work.partition.topic(), work.partition.partition(), work.offset(), event);
    }

    /**
     * Puts {@code event}'s record in this thread's MDC until closed: what an invoker does on the thread that runs
     * the function, so that the function's own lines say which record they are about.
     */
    public static LogContext of(String function, KafkaEvent event) {
        return of(function, event.topic(), event.partition(), event.offset(), event);
    }

    private static LogContext of(String function, String topic, int partition, long offset, KafkaEvent event) {
        MDC.put(FUNCTION, function);
        MDC.put(TOPIC, topic);
        MDC.put(PARTITION, Integer.toString(partition));
        MDC.put(OFFSET, Long.toString(offset));
        Object traceparent = event == null ? null : event.cloudEvent().getExtension(TRACEPARENT);
        if (traceparent != null) {
            MDC.put(TRACEPARENT, traceparent.toString());
        }
        return new LogContext();
    }

    /** Takes the record out of this thread's MDC again; the function stays. */
    @Override
    public void close() {
        MDC.remove(TOPIC);
        MDC.remove(PARTITION);
        MDC.remove(OFFSET);
        MDC.remove(TRACEPARENT);
    }
}
