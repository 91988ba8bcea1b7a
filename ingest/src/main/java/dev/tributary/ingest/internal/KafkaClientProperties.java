package dev.tributary.ingest.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One map of Kafka properties (bootstrap servers, security, {@code client.id}) shared by an adapter's clients. Each
 * client gets the properties it knows, plus any that no client knows (a custom plugin's), so one map serves all.
 */
public final class KafkaClientProperties {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaClientProperties.class);

    private final Map<String, Object> properties;
    private final String owner;

    /**
     * @param owner              who needs the settings it owns, for warnings, such as {@code the cron adapter}
     * @param noBootstrapServers the error when the properties have no {@code bootstrap.servers}: whose they are and
     *                           what to set
     */
    public KafkaClientProperties(Map<String, Object> kafkaProperties, String owner, String noBootstrapServers) {
        this.properties = Map.copyOf(Objects.requireNonNull(kafkaProperties,
                "Kafka properties are required: at least bootstrap.servers"));
        this.owner = owner;
        if (!properties.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException(noBootstrapServers);
        }
    }

    /** The {@code client.id} the properties set, or null. */
    public Object clientId() {
        return properties.get(ConsumerConfig.CLIENT_ID_CONFIG);
    }

    /** A new, mutable consumer configuration. */
    public Map<String, Object> consumer() {
        return known(ConsumerConfig.configNames());
    }

    /** A new, mutable producer configuration. */
    public Map<String, Object> producer() {
        return known(ProducerConfig.configNames());
    }

    /** A new, mutable admin client configuration. */
    public Map<String, Object> admin() {
        return known(AdminClientConfig.configNames());
    }

    /**
     * Sets a property the owner's design depends on, over the user's value: warns when that differs, since the
     * user asked for something they do not get.
     */
    public void own(Map<String, Object> config, String name, Object value) {
        Object previous = config.put(name, value);
        if (previous != null && !previous.toString().equals(value.toString())) {
            LOG.warn("Kafka property {}={} is ignored by {}, which needs {}={}", name, previous, owner, name, value);
        }
    }

    private Map<String, Object> known(Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        properties.forEach((name, value) -> {
            if (names.contains(name) || !knownToAnyClient(name)) {
                config.put(name, value);
            }
        });
        return config;
    }

    private static boolean knownToAnyClient(String name) {
        return ConsumerConfig.configNames().contains(name) || ProducerConfig.configNames().contains(name)
                || AdminClientConfig.configNames().contains(name);
    }
}
