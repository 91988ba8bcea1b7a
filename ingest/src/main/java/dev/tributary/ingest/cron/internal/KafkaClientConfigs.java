package dev.tributary.ingest.cron.internal;

import dev.tributary.ingest.cron.CronSettings;
import dev.tributary.ingest.internal.KafkaClientProperties;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The configurations of the adapter's three clients from one map of Kafka properties (bootstrap servers, security,
 * {@code client.id}). The settings the exactly-once design depends on are set here and win over the map.
 */
public final class KafkaClientConfigs {

    private final KafkaClientProperties properties;
    private final CronSettings settings;
    private final String clientId;

    public KafkaClientConfigs(Map<String, Object> kafkaProperties, CronSettings settings) {
        this.properties = new KafkaClientProperties(kafkaProperties, "the cron adapter",
                "Kafka properties of the cron adapter have no bootstrap.servers: set it to the brokers to connect "
                        + "to, such as localhost:9092");
        this.settings = settings;
        Object configured = properties.clientId();
        this.clientId = configured != null ? configured.toString()
                : "tributary-cron-" + ProcessHandle.current().pid();
    }

    /** The base of the clients' ids: {@code client.id} from the properties, else one from the process id. */
    public String clientId() {
        return clientId;
    }

    /** Joins the group of the replicas and reads the checkpoint; it never commits offsets, it always rereads. */
    public Map<String, Object> consumer() {
        Map<String, Object> config = properties.consumer();
        // Kafka 4's consumer group protocol unless the properties choose the classic one.
        config.putIfAbsent(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        properties.own(config, ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.own(config, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.own(config, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.own(config, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-coordination");
        return config;
    }

    /** Writes ticks and checkpoints in transactions under the id every replica shares. */
    public Map<String, Object> producer() {
        Map<String, Object> config = properties.producer();
        properties.own(config, ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        properties.own(config, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.own(config, ProducerConfig.ACKS_CONFIG, "all");
        // The leader's one thread also keeps it in the group: a missing topic must not block it for a minute.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-ticks");
        return config;
    }

    /** Creates the coordination topic when it is missing. */
    public Map<String, Object> admin() {
        Map<String, Object> config = properties.admin();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
        return config;
    }
}
