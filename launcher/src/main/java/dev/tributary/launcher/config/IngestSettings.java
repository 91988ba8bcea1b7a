package dev.tributary.launcher.config;

import dev.tributary.ingest.cron.CronSettings;
import dev.tributary.ingest.http.HttpIngestSettings;
import dev.tributary.ingest.publish.PublisherSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The ingest adapters a process runs and the publisher they share. The Kafka connection comes from the file's
 * {@code kafka} section, or the embedded broker under {@code tributary dev}.
 *
 * @param deliveryTimeout   how long an event may wait for Kafka's acknowledgement before its client is told it
 *                          failed
 * @param maxInFlightEvents the most events waiting for Kafka; beyond it clients are refused (HTTP 503) rather
 *                          than buffered without limit
 * @param http              the HTTP adapter, when configured
 * @param cron              the cron schedules, when configured
 * @param storage           the object-storage sources, when configured
 * @param mqtt              the MQTT endpoint and bridge, when configured
 */
public record IngestSettings(Duration deliveryTimeout, int maxInFlightEvents, Optional<HttpIngestSettings> http,
        Optional<CronSettings> cron, Optional<StorageIngestSettings> storage, Optional<MqttIngestSettings> mqtt) {

    /** No adapter, the publisher's defaults. */
    public static final IngestSettings NONE = new IngestSettings(PublisherSettings.DEFAULT_DELIVERY_TIMEOUT,
            PublisherSettings.DEFAULT_MAX_IN_FLIGHT_EVENTS, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public IngestSettings {
        Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(mqtt, "mqtt");
    }

    /** Whether any adapter is configured. */
    public boolean any() {
        return http.isPresent() || cron.isPresent() || storage.filter(StorageIngestSettings::any).isPresent()
                || mqtt.isPresent();
    }
}
