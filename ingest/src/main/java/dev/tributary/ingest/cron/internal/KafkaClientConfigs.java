package dev.tributary.ingest.cron.internal;

import dev.tributary.ingest.cron.CronSettings;
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
 * The configurations of the adapter's three clients from one map of Kafka properties (bootstrap servers, security,
 * {@code client.id}). Each client gets the properties it knows, plus any that no client knows (a custom plugin's);
 * the settings the exactly-once design depends on are set here and win over the map.
 */
public final class KafkaClientConfigs {

    private static final Logger log = LoggerFactory.getLogger(KafkaClientConfigs.class);

    private final Map<String, Object> user;
    private final CronSettings settings;
    private final String clientId;

    public KafkaClientConfigs(Map<String, Object> kafkaProperties, CronSettings settings) {
        this.user = Map.copyOf(Objects.requireNonNull(kafkaProperties,
                "Kafka properties are required: at least bootstrap.servers"));
        this.settings = settings;
        if (!user.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("Kafka properties of the cron adapter have no bootstrap.servers: "
                    + "set it to the brokers to connect to, such as localhost:9092");
        }
        Object configured = user.get(ConsumerConfig.CLIENT_ID_CONFIG);
        this.clientId = configured != null ? configured.toString()
                : "tributary-cron-" + ProcessHandle.current().pid();
    }

    /** The base of the clients' ids: {@code client.id} from the properties, else one from the process id. */
    public String clientId() {
        return clientId;
    }

    /** Joins the group of the replicas and reads the checkpoint; it never commits offsets, it always rereads. */
    public Map<String, Object> consumer() {
        Map<String, Object> config = known(ConsumerConfig.configNames());
        // Kafka 4's consumer group protocol unless the properties choose the classic one.
        config.putIfAbsent(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        own(config, ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        own(config, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        own(config, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        own(config, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-coordination");
        return config;
    }

    /** Writes ticks and checkpoints in transactions under the id every replica shares. */
    public Map<String, Object> producer() {
        Map<String, Object> config = known(ProducerConfig.configNames());
        own(config, ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        own(config, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        own(config, ProducerConfig.ACKS_CONFIG, "all");
        // The leader's one thread also keeps it in the group: a missing topic must not block it for a minute.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-ticks");
        return config;
    }

    /** Creates the coordination topic when it is missing. */
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
            log.warn("Kafka property {}={} is ignored by the cron adapter, which needs {}={}", name, previous, name,
                    value);
        }
    }
}
