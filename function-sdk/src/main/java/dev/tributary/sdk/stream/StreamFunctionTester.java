package dev.tributary.sdk.stream;

import dev.tributary.schemas.avro.AvroCodec;
import dev.tributary.schemas.codec.DataCodec;
import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import dev.tributary.sdk.DataType;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.Output;
import dev.tributary.sdk.stream.internal.StreamEvents;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Runs a {@link StreamFunction} in a unit test, without Kafka, on Kafka Streams' {@link TopologyTestDriver}: the
 * same topology Tributary runs ({@link StreamTopology}), fed CloudEvents in binary mode as Tributary writes them,
 * its outputs read back as {@link Event}s. Event time is what the test says: each event's timestamp drives the
 * windows; {@link #advanceWallClockTime(Duration)} drives wall-clock punctuations.
 *
 * <pre>{@code
 * try (StreamFunctionTester tester = StreamFunctionTester.of(new WindowAverage())
 *         .inputTopics("readings").outputTopic("averages")) {
 *     tester.send("sensor-1", Map.of("value", 20), Instant.parse("2024-01-01T10:00:05Z"));
 *     tester.send("sensor-1", Map.of("value", 30), Instant.parse("2024-01-01T10:00:35Z"));
 *     Event<Average> latest = tester.latest(Average.class).get("sensor-1@2024-01-01T10:00:00Z");
 *     assertThat(latest.data().average()).isEqualTo(25.0);
 * }
 * }</pre>
 *
 * <p>The driver commits after every event, so results that Kafka Streams' record cache would merge in a running
 * function appear here one per input. A record that is not a valid event, or whose data does not decode, makes
 * {@code send} throw Kafka Streams' {@code StreamsException} with the decoding error as its cause; Tributary writes
 * such a record to a dead-letter topic instead. Not thread-safe: one test thread at a time.
 */
public final class StreamFunctionTester implements AutoCloseable {

    private static final URI TEST_SOURCE = URI.create("test://tributary");
    private static final String TEST_TYPE = "dev.tributary.test";

    private final StreamFunction function;
    private final KafkaEventCodec codec = new KafkaEventCodec();
    /** Stands in for the schema registry, so that Avro data goes through the same wire format as in Kafka. */
    private final SchemaRegistryClient registry = new InMemorySchemaRegistry();
    private final AvroCodec<Object> avro = AvroCodec.anyRecord(registry, Map.of());
    private String functionName = "function-under-test";
    private List<String> inputTopics = List.of("input");
    private String outputTopic = "output";
    private Map<String, Object> config = Map.of();
    private final Properties properties = new Properties();
    private Instant wallClockStart = Instant.parse("2024-01-01T00:00:00Z");

    private TopologyTestDriver driver;
    private Path stateDir;
    private long sent;
    private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
    private final Map<String, TestOutputTopic<byte[], byte[]>> outputTopics = new HashMap<>();
    private final Map<String, List<KafkaEvent>> outputsByTopic = new HashMap<>();

    private StreamFunctionTester(StreamFunction function) {
        this.function = function;
    }

    public static StreamFunctionTester of(StreamFunction function) {
        return new StreamFunctionTester(Objects.requireNonNull(function, "function"));
    }

    public StreamFunctionTester functionName(String name) {
        notStarted();
        this.functionName = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The subscribed topics; {@code input} by default. */
    public StreamFunctionTester inputTopics(String... topics) {
        notStarted();
        if (topics.length == 0) {
            throw new IllegalArgumentException("a stream function subscribes to at least one topic");
        }
        this.inputTopics = List.of(topics);
        return this;
    }

    /** The function's {@code output.topic}; {@code output} by default, {@code null} for none. */
    public StreamFunctionTester outputTopic(String topic) {
        notStarted();
        this.outputTopic = topic;
        return this;
    }

    /** The function's {@code config} map, handed to {@link StreamFunction#build}. */
    public StreamFunctionTester config(Map<String, Object> config) {
        notStarted();
        this.config = Map.copyOf(config);
        return this;
    }

    /** A Kafka Streams setting for the driver, such as {@code statestore.cache.max.bytes}. */
    public StreamFunctionTester property(String name, Object value) {
        notStarted();
        properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value of " + name));
        return this;
    }

    /** Where the driver's wall clock starts; 2024-01-01T00:00:00Z by default. */
    public StreamFunctionTester wallClockStart(Instant start) {
        notStarted();
        this.wallClockStart = Objects.requireNonNull(start, "start");
        return this;
    }

    /**
     * Sends an event with {@code data} to the first input topic, keyed {@code key}, at event time {@code time}
     * (its record timestamp and CloudEvents {@code time}). Data is written as Tributary's codecs write it: a
     * {@code String} as text, {@code byte[]} as bytes, an Avro record in the Confluent wire format (through a
     * registry in memory), anything else (records, maps, JSON trees) as JSON.
     */
    public StreamFunctionTester send(String key, Object data, Instant time) {
        return send(inputTopics.get(0), key, data, time);
    }

    /** Like {@link #send(String, Object, Instant)}, to a named topic. */
    public StreamFunctionTester send(String topic, String key, Object data, Instant time) {
        Output.Builder event = Output.ofType(TEST_TYPE).key(key);
        if (data instanceof IndexedRecord record) {
            event.avro(record);
        } else if (data != null) {
            event.data(data, codecFor(data));
        }
        return send(topic, event.build(), time);
    }

    /**
     * Sends {@code event} to {@code topic} at event time {@code time}, for full control over its attributes. Unset
     * attributes get test values: id {@code test-<n>}, source {@code test://tributary}, time {@code time}.
     */
    public StreamFunctionTester send(String topic, Output event, Instant time) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(time, "time");
        start();
        sent++;
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id().orElse("test-" + sent))
                .withSource(event.source().orElse(TEST_SOURCE))
                .withType(event.type())
                .withTime(event.time().orElse(OffsetDateTime.ofInstant(time, ZoneOffset.UTC)));
        event.subject().ifPresent(builder::withSubject);
        event.dataSchema().ifPresent(builder::withDataSchema);
        event.dataContentType().ifPresent(builder::withDataContentType);
        event.extensions().forEach(builder::withExtension);
        byte[] data = event.avroData().isPresent() ? avro.encode(topic, event.avroData().get()) : event.encode(topic);
        if (data != null) {
            builder.withData(data);
        }
        ProducerRecord<byte[], byte[]> record = codec.encode(topic, builder.build());
        byte[] key = event.key().orElse(record.key());
        inputs.computeIfAbsent(topic, t -> driver.createInputTopic(t, new ByteArraySerializer(), new ByteArraySerializer()))
                .pipeInput(new TestRecord<>(key, record.value(), record.headers(), time));
        return this;
    }

    /** Moves the driver's wall clock on, running the wall-clock punctuations that fall due. */
    public StreamFunctionTester advanceWallClockTime(Duration duration) {
        start();
        driver.advanceWallClockTime(Objects.requireNonNull(duration, "duration"));
        return this;
    }

    /** Every event written to the output topic so far, in order, its data decoded to {@code dataType}. */
    public <T> List<Event<T>> outputs(Class<T> dataType) {
        return outputs(requireOutputTopic(), dataType);
    }

    /** Every event written to {@code topic} so far, in order, its data decoded to {@code dataType}. */
    public <T> List<Event<T>> outputs(String topic, Class<T> dataType) {
        DataCodec<T> data = DataType.of(Objects.requireNonNull(dataType, "dataType")).codec(Optional.of(registry));
        return read(topic).stream().<Event<T>>map(event -> StreamEvents.decode(event, data)).toList();
    }

    /**
     * The last event written to the output topic per result: by record key, or by {@code <key>@<window start>}
     * for windowed results (the {@value StreamOutput#WINDOW_START} extension), ordered by that name. For an
     * aggregate, this is its value once every input so far is in.
     */
    public <T> Map<String, Event<T>> latest(Class<T> dataType) {
        Map<String, Event<T>> latest = new TreeMap<>();
        outputs(dataType).forEach(event -> latest.put(resultName(event), event));
        return latest;
    }

    /** The driver itself, for what this tester does not offer, such as reading a state store. */
    public TopologyTestDriver driver() {
        start();
        return driver;
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.close();
            driver = null;
            deleteRecursively(stateDir);
        }
    }

    private static String resultName(Event<?> event) {
        String key = event.keyAsString().orElse("");
        String windowStart = event.extensions().get(StreamOutput.WINDOW_START);
        return windowStart == null ? key : key + "@" + windowStart;
    }

    private List<KafkaEvent> read(String topic) {
        start();
        List<KafkaEvent> events = outputsByTopic.computeIfAbsent(topic, t -> new ArrayList<>());
        TestOutputTopic<byte[], byte[]> output = outputTopics.computeIfAbsent(topic,
                t -> driver.createOutputTopic(t, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        for (TestRecord<byte[], byte[]> record : output.readRecordsToList()) {
            long timestamp = record.getRecordTime() == null ? -1 : record.getRecordTime().toEpochMilli();
            events.add(codec.decode(new ConsumerRecord<>(topic, 0, events.size(), timestamp, TimestampType.CREATE_TIME,
                    -1, -1, record.key(), record.value(), record.headers(), Optional.empty())));
        }
        return List.copyOf(events);
    }

    private String requireOutputTopic() {
        if (outputTopic == null) {
            throw new IllegalStateException(functionName + " has no output topic in this tester: set outputTopic(...)"
                    + " or read a named topic with outputs(topic, type)");
        }
        return outputTopic;
    }

    private void start() {
        if (driver != null) {
            return;
        }
        StreamTopology topology = StreamTopology.build(function, new FunctionConfig(functionName, config), inputTopics,
                Optional.ofNullable(outputTopic), Optional.of(registry));
        try {
            stateDir = Files.createTempDirectory("tributary-stream-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for the tester", e);
        }
        Properties driverProperties = new Properties();
        driverProperties.put(StreamsConfig.APPLICATION_ID_CONFIG, "tributary." + functionName);
        driverProperties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driverProperties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driverProperties.putAll(properties);
        driverProperties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology.topology(), driverProperties, wallClockStart);
    }

    private void notStarted() {
        if (driver != null) {
            throw new IllegalStateException("configure the tester before the first send or read");
        }
    }

    @SuppressWarnings("unchecked")
    private static DataCodec<Object> codecFor(Object data) {
        if (data instanceof byte[]) {
            return (DataCodec<Object>) (DataCodec<?>) DataCodecs.bytes();
        }
        if (data instanceof String) {
            return (DataCodec<Object>) (DataCodec<?>) DataCodecs.text();
        }
        return DataCodecs.json(Object.class);
    }

    private static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the tester's state directory " + root, e);
        }
    }
}
