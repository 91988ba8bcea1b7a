package dev.tributary.ingest.publish;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the shared ingest publisher talks to Kafka and how much it may hold.
 *
 * @param kafkaProperties    Kafka client settings for the producer and the reachability probe:
 *                           {@code bootstrap.servers} (required), security, and any producer setting not listed
 *                           here. Settings that would weaken the guarantee ({@code acks} other than {@code all},
 *                           {@code enable.idempotence=false}, {@code transactional.id}, serializers) are refused;
 *                           those that the other parameters own ({@code linger.ms}, {@code compression.type},
 *                           {@code delivery.timeout.ms}, {@code request.timeout.ms}, {@code max.block.ms},
 *                           {@code buffer.memory}, {@code client.id}) are taken from the parameters.
 * @param clientId           the Kafka {@code client.id}, as broker logs and quotas name this process
 * @param deliveryTimeout    how long a publish may wait for Kafka's acknowledgement, metadata included, before it
 *                           fails as {@link PublishException.Reason#UNAVAILABLE}; also the probe's timeout
 * @param linger             how long the producer waits to fill a batch: a few milliseconds of latency buy far
 *                           fewer, larger requests under load
 * @param compression        how batches are compressed
 * @param maxInFlightEvents  the most events sent and not yet acknowledged; beyond it publishes fail as
 *                           {@link PublishException.Reason#BUSY} instead of queueing without limit
 * @param maxInFlightBytes   the most record bytes (key, value and headers) sent and not yet acknowledged; the same
 *                           refusal beyond it. The producer's buffer is sized from it, so sending never blocks on
 *                           a full buffer.
 * @param readinessInterval  how often the publisher asks Kafka whether it is reachable
 */
public record PublisherSettings(
        Map<String, Object> kafkaProperties,
        String clientId,
        Duration deliveryTimeout,
        Duration linger,
        Compression compression,
        int maxInFlightEvents,
        long maxInFlightBytes,
        Duration readinessInterval) {

    public static final String DEFAULT_CLIENT_ID = "tributary-ingest";
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(5);
    public static final Compression DEFAULT_COMPRESSION = Compression.LZ4;
    public static final int DEFAULT_MAX_IN_FLIGHT_EVENTS = 10_000;
    public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 16L * 1024 * 1024;
    public static final Duration DEFAULT_READINESS_INTERVAL = Duration.ofSeconds(5);

    /** Kafka rejects a delivery timeout below its request timeout plus linger; below this the producer thrashes. */
    private static final Duration MIN_DELIVERY_TIMEOUT = Duration.ofMillis(500);

    public PublisherSettings {
        kafkaProperties = Map.copyOf(Objects.requireNonNull(kafkaProperties,
                "kafkaProperties is required: at least bootstrap.servers"));
        Object bootstrap = kafkaProperties.get("bootstrap.servers");
        if (bootstrap == null || bootstrap.toString().isBlank()) {
            throw new IllegalArgumentException("kafkaProperties has no bootstrap.servers; give the cluster's "
                    + "host:port list, e.g. bootstrap.servers=kafka-1:9092,kafka-2:9092");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is empty; give a name such as " + DEFAULT_CLIENT_ID);
        }
        requireAtLeast("deliveryTimeout", deliveryTimeout, MIN_DELIVERY_TIMEOUT);
        Objects.requireNonNull(linger, "linger is required: " + DEFAULT_LINGER.toMillis() + " ms by default");
        if (linger.isNegative() || linger.compareTo(deliveryTimeout.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("linger " + linger.toMillis() + " ms is not between 0 and half the "
                    + "deliveryTimeout (" + deliveryTimeout.toMillis() + " ms); a few ms is usual");
        }
        Objects.requireNonNull(compression, "compression is required: LZ4 or ZSTD");
        if (maxInFlightEvents < 1) {
            throw new IllegalArgumentException("maxInFlightEvents must be at least 1, not " + maxInFlightEvents);
        }
        if (maxInFlightBytes < 1024) {
            throw new IllegalArgumentException("maxInFlightBytes must be at least 1024, not " + maxInFlightBytes
                    + "; it bounds the bytes waiting for Kafka, and must hold the largest event");
        }
        requireAtLeast("readinessInterval", readinessInterval, Duration.ofMillis(100));
    }

    /** The defaults, for the cluster at {@code bootstrapServers}. */
    public static PublisherSettings forBootstrapServers(String bootstrapServers) {
        return defaults(Map.of("bootstrap.servers", Objects.requireNonNull(bootstrapServers, "bootstrapServers")));
    }

    /** The defaults, with these Kafka client settings. */
    public static PublisherSettings defaults(Map<String, Object> kafkaProperties) {
        return new PublisherSettings(kafkaProperties, DEFAULT_CLIENT_ID, DEFAULT_DELIVERY_TIMEOUT, DEFAULT_LINGER,
                DEFAULT_COMPRESSION, DEFAULT_MAX_IN_FLIGHT_EVENTS, DEFAULT_MAX_IN_FLIGHT_BYTES,
                DEFAULT_READINESS_INTERVAL);
    }

    public PublisherSettings withClientId(String clientId) {
        return new PublisherSettings(kafkaProperties, clientId, deliveryTimeout, linger, compression,
                maxInFlightEvents, maxInFlightBytes, readinessInterval);
    }

    public PublisherSettings withDeliveryTimeout(Duration deliveryTimeout) {
        return new PublisherSettings(kafkaProperties, clientId, deliveryTimeout, linger, compression,
                maxInFlightEvents, maxInFlightBytes, readinessInterval);
    }

    public PublisherSettings withLinger(Duration linger) {
        return new PublisherSettings(kafkaProperties, clientId, deliveryTimeout, linger, compression,
                maxInFlightEvents, maxInFlightBytes, readinessInterval);
    }

    public PublisherSettings withCompression(Compression compression) {
        return new PublisherSettings(kafkaProperties, clientId, deliveryTimeout, linger, compression,
                maxInFlightEvents, maxInFlightBytes, readinessInterval);
    }

    public PublisherSettings withMaxInFlight(int events, long bytes) {
        return new PublisherSettings(kafkaProperties, clientId, deliveryTimeout, linger, compression, events, bytes,
                readinessInterval);
    }

    public PublisherSettings withReadinessInterval(Duration readinessInterval) {
        return new PublisherSettings(kafkaProperties, clientId, deliveryTimeout, linger, compression,
                maxInFlightEvents, maxInFlightBytes, readinessInterval);
    }

    private static void requireAtLeast(String name, Duration value, Duration minimum) {
        Objects.requireNonNull(value, name + " is required");
        if (value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + minimum.toMillis() + " ms, not "
                    + value.toMillis() + " ms");
        }
    }
}
