package dev.tributary.sdk.stream.internal;

import dev.tributary.schemas.codec.DataCodec;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import dev.tributary.sdk.DataType;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.stream.StreamBuilder;
import dev.tributary.sdk.stream.StreamOutput;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The {@link StreamBuilder} over a Kafka Streams {@link StreamsBuilder}. Each topic gets one source and one
 * decoding step, however many times the function reads it, because Kafka Streams lets a topic feed one source
 * only; what is read from several topics is the merge of their decoded streams.
 */
public final class TopologyStreamBuilder implements StreamBuilder {

    private final String functionName;
    private final List<String> inputTopics;
    private final Optional<String> outputTopic;
    private final Optional<SchemaRegistryClient> registry;
    private final StreamsBuilder streams = new StreamsBuilder();
    private final Map<String, KStream<String, KafkaEvent>> decodedByTopic = new LinkedHashMap<>();
    private final Set<String> outputTopics = new LinkedHashSet<>();

    /** @param registry what Avro data is read with; empty when the process has no schema registry */
    public TopologyStreamBuilder(String functionName, List<String> inputTopics, Optional<String> outputTopic,
                                 Optional<SchemaRegistryClient> registry) {
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.inputTopics = List.copyOf(inputTopics);
        this.outputTopic = outputTopic;
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public String functionName() {
        return functionName;
    }

    @Override
    public List<String> inputTopics() {
        return inputTopics;
    }

    @Override
    public Optional<String> outputTopic() {
        return outputTopic;
    }

    @Override
    public <T> KStream<String, T> input(Class<T> dataType) {
        return events(dataType).mapValues(Event::data);
    }

    @Override
    public <T> KStream<String, T> input(String topic, Class<T> dataType) {
        return events(topic, dataType).mapValues(Event::data);
    }

    @Override
    public <T> KStream<String, Event<T>> events(Class<T> dataType) {
        DataCodec<T> codec = codec(dataType);
        KStream<String, KafkaEvent> merged = null;
        for (String topic : inputTopics) {
            merged = merged == null ? decoded(topic) : merged.merge(decoded(topic));
        }
        return withData(merged, codec);
    }

    @Override
    public <T> KStream<String, Event<T>> events(String topic, Class<T> dataType) {
        return withData(decoded(topic), codec(dataType));
    }

    @Override
    public <T> KTable<String, T> table(String topic, Class<T> dataType) {
        DataCodec<T> codec = codec(dataType);
        return withData(decoded(topic), codec)
                .mapValues(Event::data)
                .toTable(Materialized.with(Serdes.String(), new CodecSerde<>(codec)));
    }

    @Override
    public <K, V> void output(KStream<K, V> results, StreamOutput<V> output) {
        String topic = outputTopic.orElseThrow(() -> new IllegalStateException("stream function " + functionName
                + " writes to its output topic but has none: set output.topic, or name the topic in"
                + " output(topic, results, output)"));
        output(topic, results, output);
    }

    @Override
    public <K, V> void output(String topic, KStream<K, V> results, StreamOutput<V> output) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(output, "output");
        results.process(() -> new CloudEventWriter<>(functionName, topic, output))
                .to(topic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        outputTopics.add(topic);
    }

    @Override
    public StreamsBuilder streamsBuilder() {
        return streams;
    }

    /** The topics read through this builder so far. */
    public Set<String> sourceTopics() {
        return Set.copyOf(decodedByTopic.keySet());
    }

    /** The topics written through this builder so far. */
    public Set<String> outputTopics() {
        return Set.copyOf(outputTopics);
    }

    private <T> DataCodec<T> codec(Class<T> dataType) {
        return DataType.of(Objects.requireNonNull(dataType, "dataType")).codec(registry);
    }

    private KStream<String, KafkaEvent> decoded(String topic) {
        Objects.requireNonNull(topic, "topic");
        return decodedByTopic.computeIfAbsent(topic, t -> streams
                .stream(t, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .processValues(EventDecoder::new));
    }

    private static <T> KStream<String, Event<T>> withData(KStream<String, KafkaEvent> events, DataCodec<T> codec) {
        return events.<Event<T>>mapValues(event -> StreamEvents.decode(event, codec));
    }
}
