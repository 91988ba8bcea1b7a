package dev.tributary.dispatcher.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one stream function runs on and where it keeps its state. Immutable; {@link #of} gives the defaults.
 *
 * @param functionName      the function's name: its Kafka Streams application id is {@code tributary.<name>},
 *                          which names its consumer group, its internal topics and its transactional ids
 * @param inputTopics       the subscribed topics ({@code subscribe.topics}), at least one
 * @param outputTopic       the function's {@code output.topic}, if any
 * @param stateDir          the directory the function owns for its local state (RocksDB stores, checkpoints);
 *                          one per function and process, kept across restarts so that a restart does not rebuild
 *                          the stores from their changelogs
 * @param kafkaProperties   Kafka Streams and client settings passed through as they are: bootstrap servers,
 *                          security, {@code num.stream.threads}, {@code statestore.cache.max.bytes},
 *                          {@code group.instance.id}; not the ones these settings define (see
 *                          {@link StreamFunctionRunner})
 * @param commitInterval    how often processing is committed, and so how long read_committed consumers wait for an
 *                          output; empty for Kafka Streams' default under exactly-once, 100 ms
 * @param replicationFactor the replication factor of the function's changelog, repartition and dead-letter
 *                          topics; {@link #BROKER_DEFAULT_REPLICATION} for the broker's {@code default.replication.factor}
 * @param config            the function's {@code config} map, handed to {@code StreamFunction.build}
 */
public record StreamFunctionSettings(
        String functionName,
        List<String> inputTopics,
        Optional<String> outputTopic,
        Path stateDir,
        Map<String, Object> kafkaProperties,
        Optional<Duration> commitInterval,
        int replicationFactor,
        Map<String, Object> config) {

    /** Leaves the replication factor of new topics to the broker's {@code default.replication.factor}. */
    public static final int BROKER_DEFAULT_REPLICATION = -1;

    public StreamFunctionSettings {
        Objects.requireNonNull(functionName, "functionName");
        if (functionName.isBlank()) {
            throw new IllegalArgumentException("a stream function needs a name");
        }
        inputTopics = List.copyOf(inputTopics);
        if (inputTopics.isEmpty()) {
            throw new IllegalArgumentException("stream function " + functionName
                    + " subscribes to no topic: set subscribe.topics");
        }
        Objects.requireNonNull(outputTopic, "outputTopic (Optional.empty() for none)");
        Objects.requireNonNull(stateDir, "stateDir of stream function " + functionName);
        kafkaProperties = Map.copyOf(kafkaProperties);
        Objects.requireNonNull(commitInterval, "commitInterval (Optional.empty() for Kafka Streams' default)");
        commitInterval.ifPresent(interval -> {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("stream function " + functionName
                        + ": the commit interval must be positive, not " + interval);
            }
        });
        if (replicationFactor != BROKER_DEFAULT_REPLICATION && replicationFactor < 1) {
            throw new IllegalArgumentException("stream function " + functionName + ": the replication factor must be"
                    + " at least 1, or -1 for the broker's default, not " + replicationFactor);
        }
        config = Map.copyOf(config);
    }

    /**
     * Settings with the defaults: state under {@code <dataDir>/streams/<name>}, Kafka Streams' commit interval, the
     * broker's replication factor, an empty {@code config}.
     */
    public static StreamFunctionSettings of(String functionName, List<String> inputTopics, Optional<String> outputTopic,
                                            Path dataDir, Map<String, Object> kafkaProperties) {
        Objects.requireNonNull(dataDir, "dataDir");
        return new StreamFunctionSettings(functionName, inputTopics, outputTopic,
                dataDir.resolve("streams").resolve(functionName), kafkaProperties, Optional.empty(),
                BROKER_DEFAULT_REPLICATION, Map.of());
    }

    /** The Kafka Streams application id, {@code tributary.<name>}: also the consumer group of the function. */
    public String applicationId() {
        return "tributary." + functionName;
    }

    public StreamFunctionSettings withStateDir(Path stateDir) {
        return new StreamFunctionSettings(functionName, inputTopics, outputTopic, stateDir, kafkaProperties,
                commitInterval, replicationFactor, config);
    }

    public StreamFunctionSettings withCommitInterval(Duration commitInterval) {
        return new StreamFunctionSettings(functionName, inputTopics, outputTopic, stateDir, kafkaProperties,
                Optional.of(commitInterval), replicationFactor, config);
    }

    public StreamFunctionSettings withReplicationFactor(int replicationFactor) {
        return new StreamFunctionSettings(functionName, inputTopics, outputTopic, stateDir, kafkaProperties,
                commitInterval, replicationFactor, config);
    }

    public StreamFunctionSettings withConfig(Map<String, Object> config) {
        return new StreamFunctionSettings(functionName, inputTopics, outputTopic, stateDir, kafkaProperties,
                commitInterval, replicationFactor, config);
    }
}
