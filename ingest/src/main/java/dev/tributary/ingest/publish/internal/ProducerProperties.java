package dev.tributary.ingest.publish.internal;

import dev.tributary.ingest.publish.PublisherSettings;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client configurations of the publisher, from its settings. The producer's guarantee is fixed here
 * (idempotent, {@code acks=all}, bytes in and out); a setting that would weaken it is refused with the reason,
 * rather than silently overridden, so that nobody believes a weaker configuration is in effect.
 */
public final class ProducerProperties {

    /** Larger than Kafka's 16 KiB default: with a few ms of linger, batches of small events fill up under load. */
    static final int DEFAULT_BATCH_SIZE = 64 * 1024;

    /** Kafka's own default buffer, the least the publisher asks for. */
    static final long MIN_BUFFER_MEMORY = 32L * 1024 * 1024;

    /** Keys the publisher's settings own: taken from them, whatever the Kafka properties say. */
    static final Set<String> OWNED_BY_SETTINGS = Set.of(
            ProducerConfig.LINGER_MS_CONFIG, ProducerConfig.COMPRESSION_TYPE_CONFIG,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, ProducerConfig.BUFFER_MEMORY_CONFIG, ProducerConfig.CLIENT_ID_CONFIG);

    /** Idempotence allows at most five requests in flight per connection and still keeps order. */
    private static final int MAX_IN_FLIGHT_REQUESTS = 5;

    private ProducerProperties() {
    }

    /** The producer's configuration: tuned defaults, then the Kafka properties, then the guarantee and settings. */
    public static Map<String, Object> producer(PublisherSettings settings) {
        Map<String, Object> kafka = settings.kafkaProperties();
        refuseWeakerGuarantees(kafka);
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, DEFAULT_BATCH_SIZE);
        config.putAll(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        long linger = settings.linger().toMillis();
        long delivery = settings.deliveryTimeout().toMillis();
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression().kafkaName());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (delivery - linger));
        // send() waits for a topic's metadata at most this long, so a publish never waits longer than the timeout.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, delivery);
        // Room for twice the in-flight budget: the budget refuses work before the buffer could make send() block.
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(MIN_BUFFER_MEMORY, 2 * settings.maxInFlightBytes()));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, settings.clientId());
        return config;
    }

    /** The reachability probe's Admin configuration: only the Kafka properties an Admin client knows. */
    public static Map<String, Object> admin(PublisherSettings settings) {
        Set<String> known = AdminClientConfig.configNames();
        Map<String, Object> config = new HashMap<>();
        settings.kafkaProperties().forEach((name, value) -> {
            if (known.contains(name)) {
                config.put(name, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.clientId() + "-probe");
        return config;
    }

    private static void refuseWeakerGuarantees(Map<String, Object> kafka) {
        Object acks = kafka.get(ProducerConfig.ACKS_CONFIG);
        if (acks != null && !Set.of("all", "-1").contains(text(acks))) {
            throw refused(ProducerConfig.ACKS_CONFIG, acks, "ingest acknowledges a client only after every in-sync "
                    + "replica has its event, so acks is always all");
        }
        Object idempotence = kafka.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
        if (idempotence != null && !text(idempotence).equals("true")) {
            throw refused(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotence, "without it a retried send can "
                    + "write an event twice or out of order");
        }
        Object inFlight = kafka.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (inFlight != null && text(inFlight).matches("[0-9]{1,9}")
                && Integer.parseInt(text(inFlight)) > MAX_IN_FLIGHT_REQUESTS) {
            throw refused(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, inFlight, "an idempotent producer "
                    + "keeps order with at most " + MAX_IN_FLIGHT_REQUESTS);
        }
        for (String name : Set.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)) {
            if (kafka.containsKey(name)) {
                throw refused(name, kafka.get(name), "the publisher writes CloudEvents as bytes, without transactions");
            }
        }
    }

    private static String text(Object value) {
        return value.toString().trim().toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException refused(String name, Object value, String why) {
        return new IllegalArgumentException("Kafka property " + name + "=" + value + " is not allowed for ingest: "
                + why + "; remove it");
    }
}
