package dev.tributary.launcher.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How Tributary reaches Kafka.
 *
 * @param bootstrapServers the cluster's {@code host:port} list; empty to use the embedded broker of {@code tributary dev}
 * @param properties       Kafka client settings given to every client, with {@code ${env:NAME}} already substituted
 */
public record KafkaSettings(Optional<String> bootstrapServers, Map<String, String> properties) {

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        properties = Map.copyOf(properties);
    }
}
