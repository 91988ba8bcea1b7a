package dev.tributary.sdk.stream;

import dev.tributary.sdk.DataType;
import dev.tributary.sdk.Event;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Windowed;

/**
 * Where a {@link StreamFunction} reads its events from and writes its results to. Inputs are CloudEvents, decoded
 * as every Tributary function decodes them (binary, structured or plain records; see {@link DataType} for how the
 * data type is chosen); outputs are written as CloudEvents in binary mode, like every other Tributary output.
 *
 * <p><b>Keys.</b> An input stream is keyed by the record key as UTF-8 text, which is the event's ordering key
 * ({@code partitionkey}) for events Tributary wrote. The key is not changed on the way in, so
 * {@code groupByKey()} needs no repartition topic.
 *
 * <p><b>Serdes.</b> Stores and repartition topics need a serde for every key and value: pass them explicitly
 * ({@code Grouped.with}, {@code Materialized.with}), with {@link StreamSerdes} for JSON, text and bytes. No default
 * serde is configured, so a forgotten one fails at start instead of writing data in a format nobody chose.
 *
 * <p><b>Failures.</b> A record that is not a valid event, or whose data does not decode to the requested type, is
 * not handed to the topology: Tributary writes it to the dead-letter topic {@code <source topic>.<function>.dlt} in
 * the same transaction and goes on. So is a record for which the topology throws a
 * {@link dev.tributary.sdk.NonRetryableException}. Any other exception stops the function (see the runner's
 * health); after a restart, it resumes from its last commit.
 */
public interface StreamBuilder {

    /** The function's name in {@code tributary.yaml}. */
    String functionName();

    /** The topics the function subscribes to ({@code subscribe.topics}). */
    List<String> inputTopics();

    /** The function's {@code output.topic}, when it has one. */
    Optional<String> outputTopic();

    /**
     * The data of every event on the subscribed topics, decoded to {@code dataType}; {@code null} for an event
     * without data (aggregations skip those). Call it as often as needed: each topic is read once.
     */
    <T> KStream<String, T> input(Class<T> dataType);

    /** Like {@link #input(Class)}, for one topic, subscribed or not (e.g. the other side of a join). */
    <T> KStream<String, T> input(String topic, Class<T> dataType);

    /**
     * The events of the subscribed topics with their attributes, for a topology that needs more than the data
     * (type, time, extensions). {@link Event#attempt()} is always 1. {@code Event} has no serde: map it to data
     * before a step that stores or repartitions values.
     */
    <T> KStream<String, Event<T>> events(Class<T> dataType);

    /** Like {@link #events(Class)}, for one topic, subscribed or not. */
    <T> KStream<String, Event<T>> events(String topic, Class<T> dataType);

    /**
     * The latest data per key of a topic, as a table (e.g. device settings to join readings with). An event
     * without data deletes its key. The table is stored with the codec of {@code dataType}.
     */
    <T> KTable<String, T> table(String topic, Class<T> dataType);

    /**
     * Writes each result to the function's {@code output.topic} as a CloudEvent (see {@link StreamOutput} for its
     * attributes, id and key).
     *
     * @param results keyed by text, by bytes, or by a {@link Windowed} key of those; another key is written as its
     *                {@code toString()}
     * @throws IllegalStateException when the function has no {@code output.topic}
     */
    <K, V> void output(KStream<K, V> results, StreamOutput<V> output);

    /** Like {@link #output(KStream, StreamOutput)}, to a named topic, which must exist. */
    <K, V> void output(String topic, KStream<K, V> results, StreamOutput<V> output);

    /**
     * Kafka Streams' own builder, for what this interface does not offer (global tables, custom stores). Records
     * it reads are not decoded or dead-lettered by Tributary, and records it writes are not CloudEvents.
     */
    StreamsBuilder streamsBuilder();
}
