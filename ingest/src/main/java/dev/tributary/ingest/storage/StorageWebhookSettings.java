package dev.tributary.ingest.storage;

import dev.tributary.ingest.internal.SettingChecks;
import java.time.Duration;

/**
 * A storage webhook: S3 or MinIO bucket notifications posted over HTTP, each record published as one event.
 *
 * @param name       the source's name: events have source {@code /tributary/storage/<name>}; letters, digits,
 *                   {@code .}, {@code _} and {@code -}
 * @param topic      the Kafka topic the events go to
 * @param dedup      how redeliveries are dropped; {@link DedupSettings#defaults()} by default
 * @param retryAfter what {@code Retry-After} tells a store refused with 503 because Kafka is unavailable,
 *                   {@link #DEFAULT_RETRY_AFTER} by default; rounded up to whole seconds
 */
public record StorageWebhookSettings(String name, String topic, DedupSettings dedup, Duration retryAfter) {

    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    public StorageWebhookSettings {
        SettingChecks.plainName("name", name, "storage source", "each event's source, /tributary/storage/<name>");
        SettingChecks.topic("topic", topic);
        SettingChecks.required("dedup", dedup, "deduplication settings, DedupSettings.off() for none");
        SettingChecks.atLeast("retryAfter", retryAfter, Duration.ofSeconds(1), "use at least one second");
    }

    /** A webhook with the default deduplication and {@code Retry-After}. */
    public static StorageWebhookSettings of(String name, String topic) {
        return new StorageWebhookSettings(name, topic, DedupSettings.defaults(), DEFAULT_RETRY_AFTER);
    }

    public StorageWebhookSettings withDedup(DedupSettings dedup) {
        return new StorageWebhookSettings(name, topic, dedup, retryAfter);
    }

    public StorageWebhookSettings withRetryAfter(Duration retryAfter) {
        return new StorageWebhookSettings(name, topic, dedup, retryAfter);
    }
}
