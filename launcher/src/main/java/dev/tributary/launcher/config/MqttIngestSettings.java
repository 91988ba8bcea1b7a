package dev.tributary.launcher.config;

import dev.tributary.ingest.mqtt.MqttBridgeSettings;
import dev.tributary.ingest.mqtt.MqttDirectSettings;
import dev.tributary.ingest.mqtt.MqttMapping;
import dev.tributary.ingest.mqtt.PayloadCodec;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * MQTT ingest: devices connecting to Tributary's own endpoint, a bridge to an existing broker, or both.
 *
 * @param direct the endpoint devices connect to, when configured
 * @param bridge the subscription to an existing broker, when configured
 */
public record MqttIngestSettings(Optional<MqttDirectSettings> direct, Optional<MqttBridgeSettings> bridge) {

    public MqttIngestSettings {
        Objects.requireNonNull(direct, "direct");
        Objects.requireNonNull(bridge, "bridge");
    }

    /** Every mapping of both modes. */
    public Stream<MqttMapping> mappings() {
        return Stream.concat(direct.stream().flatMap(settings -> settings.mappings().stream()),
                bridge.stream().flatMap(settings -> settings.mappings().stream()));
    }

    /** Whether a mapping converts payloads to Avro, which needs a schema registry. */
    public boolean needsRegistry() {
        return mappings().anyMatch(mapping -> mapping.codec() == PayloadCodec.TELEMETRY_AVRO);
    }
}
