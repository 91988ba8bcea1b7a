package dev.tributary.sdk.stream;

import dev.tributary.schemas.registry.SchemaRegistryClient;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.stream.internal.TopologyStreamBuilder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.Topology;

/**
 * A {@link StreamFunction}'s topology, built once, and the topics it touches. This is the one way a stream
 * function becomes a Kafka Streams {@link Topology}, so that {@link StreamFunctionTester} tests what Tributary
 * runs. Immutable.
 */
public final class StreamTopology {

    private final String functionName;
    private final Topology topology;
    private final Set<String> sourceTopics;
    private final Set<String> outputTopics;

    private StreamTopology(String functionName, Topology topology, Set<String> sourceTopics, Set<String> outputTopics) {
        this.functionName = functionName;
        this.topology = topology;
        this.sourceTopics = Set.copyOf(sourceTopics);
        this.outputTopics = Set.copyOf(outputTopics);
    }

    /**
     * Calls {@link StreamFunction#build} and returns what it built, for a process without a schema registry.
     *
     * @see #build(StreamFunction, FunctionConfig, List, Optional, Optional)
     */
    public static StreamTopology build(StreamFunction function, FunctionConfig config, List<String> inputTopics,
                                       Optional<String> outputTopic) {
        return build(function, config, inputTopics, outputTopic, Optional.empty());
    }

    /**
     * Calls {@link StreamFunction#build} and returns what it built.
     *
     * @param config      the function's name and {@code config} map
     * @param inputTopics the subscribed topics, at least one
     * @param outputTopic the function's {@code output.topic}, if any
     * @param registry    what Avro data is read with; empty when the process has no schema registry
     * @throws IllegalArgumentException naming the function when {@code build} fails or reads no topic
     */
    public static StreamTopology build(StreamFunction function, FunctionConfig config, List<String> inputTopics,
                                       Optional<String> outputTopic, Optional<SchemaRegistryClient> registry) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(config, "config");
        if (inputTopics.isEmpty()) {
            throw new IllegalArgumentException("stream function " + config.functionName()
                    + " subscribes to no topic: set subscribe.topics");
        }
        TopologyStreamBuilder builder = new TopologyStreamBuilder(config.functionName(), inputTopics,
                Objects.requireNonNull(outputTopic, "outputTopic (Optional.empty() for none)"), registry);
        try {
            function.build(builder, config);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("stream function " + config.functionName() + " ("
                    + function.getClass().getName() + ") could not build its topology: " + e.getMessage(), e);
        }
        Topology topology = builder.streamsBuilder().build();
        if (topology.describe().subtopologies().isEmpty()) {
            throw new IllegalArgumentException("stream function " + config.functionName() + " ("
                    + function.getClass().getName() + ") built an empty topology: read its input with"
                    + " builder.input(...) and write results with builder.output(...)");
        }
        return new StreamTopology(config.functionName(), topology, builder.sourceTopics(), builder.outputTopics());
    }

    public String functionName() {
        return functionName;
    }

    public Topology topology() {
        return topology;
    }

    /** The topics the function reads through its {@link StreamBuilder}: subscribed ones and joined ones. */
    public Set<String> sourceTopics() {
        return sourceTopics;
    }

    /** The topics the function writes through {@link StreamBuilder#output}. */
    public Set<String> outputTopics() {
        return outputTopics;
    }

    @Override
    public String toString() {
        return "StreamTopology[" + functionName + ", sources=" + sourceTopics + ", outputs=" + outputTopics + "]";
    }
}
