package dev.tributary.sdk.stream;

import dev.tributary.sdk.FunctionConfig;

/**
 * A stateful step written with the Kafka Streams DSL: windows, aggregations, joins. Where an
 * {@link dev.tributary.sdk.EventFunction} sees one event at a time, a stream function describes a topology once,
 * and Tributary runs it with exactly-once processing: each input record changes the state and produces its outputs
 * exactly once, even across crashes, and consumers that read with {@code isolation.level=read_committed} (as
 * Tributary's dispatcher does) never see the outputs of work that was rolled back.
 *
 * <pre>{@code
 * public final class WindowAverage implements StreamFunction {
 *     public record Reading(double value) {}
 *     public record Average(long count, double sum, double average) {
 *         Average add(double value) {
 *             return new Average(count + 1, sum + value, (sum + value) / (count + 1));
 *         }
 *     }
 *
 *     public void build(StreamBuilder builder, FunctionConfig config) {
 *         KStream<Windowed<String>, Average> averages = builder.input(Reading.class)
 *                 .groupByKey(Grouped.with(Serdes.String(), StreamSerdes.json(Reading.class)))
 *                 .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1)))
 *                 .aggregate(() -> new Average(0, 0, 0), (key, reading, average) -> average.add(reading.value()),
 *                         Materialized.<String, Average, WindowStore<Bytes, byte[]>>as("averages")
 *                                 .withKeySerde(Serdes.String())
 *                                 .withValueSerde(StreamSerdes.json(Average.class)))
 *                 .toStream();
 *         builder.output(averages, StreamOutput.of("com.example.reading.average", DataCodecs.json(Average.class)));
 *     }
 * }
 * }</pre>
 *
 * <p>{@code build} is called once per instance of the topology: once in each process that runs the function, and
 * once by {@link StreamFunctionTester}. It only describes the topology; Kafka Streams runs it on its own threads,
 * so the lambdas it registers must not share mutable state outside Kafka Streams' state stores. A stream function
 * needs {@code org.apache.kafka:kafka-streams} on its compile classpath (scope {@code provided}: Tributary carries it).
 */
@FunctionalInterface
public interface StreamFunction {

    /**
     * Describes the topology: read inputs from {@code builder}, transform them with the Kafka Streams DSL, and
     * write results with {@link StreamBuilder#output}.
     *
     * @param config the function's {@code config} map from {@code tributary.yaml}
     * @throws RuntimeException when the configuration does not allow a topology; the function then does not start
     */
    void build(StreamBuilder builder, FunctionConfig config);
}
