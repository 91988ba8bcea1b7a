package dev.tributary.launcher.run;

import dev.tributary.ingest.cron.CronIngest;
import dev.tributary.ingest.http.HttpIngest;
import dev.tributary.ingest.publish.KafkaPublisher;
import dev.tributary.ingest.publish.PublisherSettings;
import dev.tributary.launcher.config.IngestSettings;
import dev.tributary.launcher.config.MqttIngestSettings;
import dev.tributary.ingest.mqtt.MqttBridgeIngest;
import dev.tributary.ingest.mqtt.MqttDirectIngest;
import dev.tributary.schemas.avro.AvroSerdeConfig;
import dev.tributary.schemas.avro.AvroSerializer;
import java.net.URI;
import dev.tributary.launcher.config.StorageIngestSettings;
import dev.tributary.ingest.http.MountedEndpoint;
import dev.tributary.ingest.storage.DirectoryWatch;
import dev.tributary.ingest.storage.StoragePolling;
import dev.tributary.ingest.storage.StorageWebhook;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ingest adapters of a configuration, running over one publisher: its idempotent producer acknowledges each
 * adapter's clients only once Kafka has their events.
 */
public final class IngestRuntime implements AutoCloseable {

    private final KafkaPublisher publisher;
    private final List<AutoCloseable> adapters = new ArrayList<>();
    private HttpIngest http;
    private CronIngest cron;
    private MqttDirectIngest mqttDirect;

    private IngestRuntime(KafkaPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Starts the publisher and every configured adapter.
     *
     * @param kafka          Kafka client settings with {@code bootstrap.servers}: the config's, or the embedded
     *                       broker's
     * @param schemaRegistry the registry MQTT mappings convert telemetry to Avro with, when there is one
     * @param openTelemetry  where the span of every published event goes; {@link OpenTelemetry#noop()} for none
     */
    public static IngestRuntime start(IngestSettings settings, Map<String, Object> kafka, MeterRegistry registry,
                                      Clock clock, Optional<URI> schemaRegistry, OpenTelemetry openTelemetry) {
        PublisherSettings publisherSettings = PublisherSettings.defaults(kafka)
                .withClientId("tributary-ingest-" + ProcessHandle.current().pid())
                .withDeliveryTimeout(settings.deliveryTimeout())
                .withMaxInFlight(settings.maxInFlightEvents(), PublisherSettings.DEFAULT_MAX_IN_FLIGHT_BYTES);
        IngestRuntime runtime = new IngestRuntime(KafkaPublisher.start(publisherSettings, registry, clock, openTelemetry));
        try {
            StorageIngestSettings storage = settings.storage()
                    .orElse(new StorageIngestSettings(List.of(), List.of(), List.of()));
            List<MountedEndpoint> mounts = storage.webhooks().stream()
                    .map(webhook -> mount(StorageWebhook.create(webhook, runtime.publisher, registry, clock)))
                    .toList();
            settings.http().ifPresent(http -> runtime.http = runtime.adapter(
                    HttpIngest.start(http, runtime.publisher, registry, clock, mounts)));
            storage.polling().forEach(polling -> runtime.adapter(
                    StoragePolling.start(polling, runtime.publisher, kafka, registry, clock)));
            storage.directories().forEach(directory -> runtime.adapter(
                    DirectoryWatch.start(directory, runtime.publisher, registry, clock)));
            settings.mqtt().ifPresent(mqtt -> runtime.startMqtt(mqtt, registry, clock, schemaRegistry));
            settings.cron().ifPresent(cron -> runtime.cron = runtime.adapter(
                    CronIngest.start(cron, kafka, registry, clock, openTelemetry)));
        } catch (RuntimeException | Error e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    private void startMqtt(MqttIngestSettings mqtt, MeterRegistry registry, Clock clock, Optional<URI> schemaRegistry) {
        Optional<AvroSerializer<Object>> telemetry = Optional.empty();
        if (mqtt.needsRegistry()) {
            URI url = schemaRegistry.orElseThrow(() -> new IllegalStateException("an MQTT mapping converts to"
                    + " telemetry-avro, which needs a schema registry: set registry.url, or let tributary dev start"
                    + " its own"));
            AvroSerializer<Object> serializer = new AvroSerializer<>();
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url.toString()), false);
            telemetry = Optional.of(serializer);
        }
        Optional<AvroSerializer<Object>> serializer = telemetry;
        mqtt.direct().ifPresent(direct -> mqttDirect = adapter(
                MqttDirectIngest.start(direct, publisher, registry, clock, serializer)));
        mqtt.bridge().ifPresent(bridge -> adapter(MqttBridgeIngest.start(bridge, publisher, registry, clock, serializer)));
    }

    /** The MQTT endpoint's address, when it runs. */
    public Optional<String> mqttUrl() {
        return Optional.ofNullable(mqttDirect).map(server -> "mqtt://" + server.host() + ":" + server.port());
    }

    /** A bucket's notifications at {@code POST /storage/<name>} on the HTTP adapter. */
    private static MountedEndpoint mount(StorageWebhook webhook) {
        return new MountedEndpoint("/storage/" + webhook.settings().name(), webhook.settings().topic(),
                body -> webhook.handle(body).thenApply(reply ->
                        new MountedEndpoint.Answer(reply.status(), reply.headers(), reply.body())));
    }

    private <A extends AutoCloseable> A adapter(A adapter) {
        adapters.add(adapter);
        return adapter;
    }

    /** The HTTP adapter's address, when it runs. */
    public Optional<String> httpUrl() {
        return Optional.ofNullable(http).map(server -> "http://" + server.host() + ":" + server.port());
    }

    /** Whether a cron adapter runs in this process. */
    public boolean runsCron() {
        return cron != null;
    }

    /** Ready while the publisher can reach Kafka: adapters that cannot publish only refuse their clients. */
    public boolean ready() {
        return publisher.readiness().ready();
    }

    /** Stops intake first, then lets the publisher finish what it holds within its delivery timeout. */
    @Override
    public void close() {
        IllegalStateException failure = null;
        for (AutoCloseable adapter : adapters.reversed()) {
            try {
                adapter.close();
            } catch (Exception e) {
                // The others still close: an adapter left open would keep its port or its leadership.
                failure = failure != null ? failure
                        : new IllegalStateException("closing an ingest adapter failed: " + e.getMessage(), e);
            }
        }
        publisher.close();
        if (failure != null) {
            throw failure;
        }
    }
}
