package dev.tributary.dispatcher.stream.internal;

import dev.tributary.dispatcher.stream.StreamFunctionSettings;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of one stream function: the settings' Kafka properties as they are, then what
 * Tributary decides and a property may not change. Exactly-once is not a default but the contract of a stream
 * function, and the application id, the state directory, the replication factor and the commit interval each
 * have their one definition in {@link StreamFunctionSettings}; a property that tries to set one is an error that
 * says where it belongs, rather than a value silently ignored.
 */
public final class StreamsProperties {

    /** Properties Tributary sets, and what to do instead of setting them. */
    private static final Map<String, String> RESERVED = Map.of(
            StreamsConfig.APPLICATION_ID_CONFIG, "it is tributary.<function name>",
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "stream functions always run exactly_once_v2",
            StreamsConfig.STATE_DIR_CONFIG, "set the settings' stateDir",
            StreamsConfig.REPLICATION_FACTOR_CONFIG, "set the settings' replicationFactor",
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "set the settings' commitInterval",
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            "Tributary dead-letters what cannot be processed and stops on anything else");

    private StreamsProperties() {
    }

    /**
     * @throws IllegalArgumentException naming the function and the property when a Kafka property sets what the
     *                                  settings define
     */
    public static Properties of(StreamFunctionSettings settings, DeadLetterRouting deadLetters) {
        for (String name : settings.kafkaProperties().keySet()) {
            String instead = RESERVED.get(name);
            if (instead != null) {
                throw new IllegalArgumentException("stream function " + settings.functionName() + ": the Kafka"
                        + " property " + name + " is Tributary's to set (" + instead + "); remove it");
            }
        }
        Properties properties = new Properties();
        // Global tables (through streamsBuilder()) go through the same handler, which fails on their errors as
        // Kafka Streams would: enabling it only spares a warning at every start.
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        properties.putAll(settings.kafkaProperties());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.replicationFactor());
        settings.commitInterval().ifPresent(interval ->
                properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, interval.toMillis()));
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        properties.put(DeadLetterRouting.CONFIG, deadLetters);
        return properties;
    }
}
