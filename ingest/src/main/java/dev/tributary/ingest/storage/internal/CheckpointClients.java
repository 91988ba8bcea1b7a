package dev.tributary.ingest.storage.internal;

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
 * The configurations of a poller's checkpoint clients from one map of Kafka properties (bootstrap servers,
 * security, {@code client.id}). Each client gets the properties it knows, plus any that no client knows (a custom
 * plugin's); the settings the checkpoint's durability depends on are set here and win over the map.
 */
public final class CheckpointClients {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointClients.class);

    private final Map<String, Object> user;
    private final String clientId;

    /** @param source the poller's name, part of the clients' ids */
    public CheckpointClients(Map<String, Object> kafkaProperties, String source) {
        this.user = Map.copyOf(Objects.requireNonNull(kafkaProperties,
                "Kafka properties are required: at least bootstrap.servers"));
        if (!user.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("the Kafka properties of storage poller '" + source + "' have no "
                    + "bootstrap.servers: set it to the brokers that hold the checkpoint, such as localhost:9092");
        }
        Object configured = user.get(ProducerConfig.CLIENT_ID_CONFIG);
        this.clientId = (configured != null ? configured.toString() : "tributary-storage") + "-" + source;
    }

    /** Writes checkpoint records: idempotent, acknowledged by every in-sync replica. */
    public Map<String, Object> producer() {
        Map<String, Object> config = known(ProducerConfig.configNames());
        own(config, ProducerConfig.ACKS_CONFIG, "all");
        own(config, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-checkpoint");
        return config;
    }

    /** Reads the checkpoint whole at start, without a group: nothing to commit, every start reads it again. */
    public Map<String, Object> consumer() {
        Map<String, Object> config = known(ConsumerConfig.configNames());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        own(config, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        own(config, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-checkpoint-reader");
        return config;
    }

    /** Creates the checkpoint topic when it is missing. */
    public Map<String, Object> admin() {
        Map<String, Object> config = known(AdminClientConfig.configNames());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
        return config;
    }

    private Map<String, Object> known(Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        user.forEach((name, value) -> {
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

    private static void own(Map<String, Object> config, String name, Object value) {
        Object previous = config.put(name, value);
        if (previous != null && !previous.toString().equals(value.toString())) {
            LOG.warn("Kafka property {}={} is ignored by the storage checkpoint, which needs {}={}", name, previous,
                    name, value);
        }
    }
}
