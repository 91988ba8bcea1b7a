package dev.tributary.sdk;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * One event handed to a function: the attributes of its CloudEvent, its data decoded to the type the
 * function asked for, and where it came from in Kafka. Immutable.
 *
 * @param <T> the type of the data, chosen by the function (see {@link EventFunction})
 */
public interface Event<T> {

    /** The CloudEvent {@code id}; with {@link #source()} it identifies the event. */
    String id();

    /** The CloudEvent {@code source}. */
    URI source();

    /** The CloudEvent {@code type}, e.g. {@code com.example.telemetry.reading}. */
    String type();

    Optional<String> subject();

    Optional<OffsetDateTime> time();

    /** The content type of {@link #rawData()}, e.g. {@code application/json}. */
    Optional<String> dataContentType();

    Optional<URI> dataSchema();

    /** Extension attributes by name (e.g. {@code partitionkey}, {@code traceparent}), as strings. */
    Map<String, String> extensions();

    /** The data, decoded to the function's type; null when the event has no data. */
    T data();

    /** The data as it was on Kafka, undecoded; an empty array when the event has no data. */
    byte[] rawData();

    /**
     * The ordering key, which orders events in {@code key} mode: the event's {@code partitionkey} extension when it
     * has one, otherwise the record key; empty when there is neither.
     */
    Optional<byte[]> key();

    /** The ordering key as UTF-8 text; empty when there is none. */
    Optional<String> keyAsString();

    /** The topic the event was read from. */
    String topic();

    int partition();

    long offset();

    /** Which attempt this is at handling the event: 1 the first time, 2 on the first retry, and so on. */
    int attempt();
}
