package dev.tributary.ingest.storage.internal;

import dev.tributary.ingest.internal.KafkaClientProperties;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The configurations of a poller's checkpoint clients from one map of Kafka properties (bootstrap servers,
 * security, {@code client.id}). The settings the checkpoint's durability depends on are set here and win over the
 * map.
 */
public final class CheckpointClients {

    private final KafkaClientProperties properties;
    private final String clientId;

    /** @param source the poller's name, part of the clients' ids */
    public CheckpointClients(Map<String, Object> kafkaProperties, String source) {
        this.properties = new KafkaClientProperties(kafkaProperties, "the storage checkpoint",
                "the Kafka properties of storage poller '" + source + "' have no bootstrap.servers: set it to the "
                        + "brokers that hold the checkpoint, such as localhost:9092");
        Object configured = properties.clientId();
        this.clientId = (configured != null ? configured.toString() : "tributary-storage") + "-" + source;
    }

    /** Writes checkpoint records: idempotent, acknowledged by every in-sync replica. */
    public Map<String, Object> producer() {
        Map<String, Object> config = properties.producer();
        properties.own(config, ProducerConfig.ACKS_CONFIG, "all");
        properties.own(config, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-checkpoint");
        return config;
    }

    /** Reads the checkpoint whole at start, without a group: nothing to commit, every start reads it again. */
    public Map<String, Object> consumer() {
        Map<String, Object> config = properties.consumer();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.own(config, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.own(config, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-checkpoint-reader");
        return config;
    }

    /**
     * Joins the group that elects the active poller of a scope ({@link PollerElection}). It reads no records and
     * commits no offsets; static membership is dropped, because a member that leaves must hand over at once.
     */
    public Map<String, Object> election(String groupId) {
        Map<String, Object> config = properties.consumer();
        // Kafka 4's consumer group protocol unless the properties choose the classic one, as for cron.
        config.putIfAbsent(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        properties.own(config, ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.own(config, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-election");
        return config;
    }

    /** Creates the checkpoint topic when it is missing. */
    public Map<String, Object> admin() {
        Map<String, Object> config = properties.admin();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
        return config;
    }
}
