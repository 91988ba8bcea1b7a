package dev.tributary.ingest.mqtt.internal;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.mqtt.MqttMapping;
import dev.tributary.ingest.mqtt.MqttMetrics;
import dev.tributary.ingest.mqtt.PayloadCodec;
import dev.tributary.schemas.avro.AvroSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;

/** Makes the mapping table of an adapter: a codec and meters per mapping, checked against what the adapter has. */
public final class Mappings {

    private Mappings() {
    }

    /**
     * @param telemetrySerializer the serializer for {@code telemetry-avro} mappings, if a schema registry is
     *                            configured
     * @throws SettingsException when a mapping needs a schema registry and none is configured
     * @throws IllegalStateException when the schema registry cannot register or find the telemetry schema
     */
    public static MappingTable compile(List<MqttMapping> mappings, Optional<AvroSerializer<Object>> telemetrySerializer,
                                       MqttMetrics metrics) {
        List<CompiledMapping> compiled = new ArrayList<>(mappings.size());
        for (int i = 0; i < mappings.size(); i++) {
            MqttMapping mapping = mappings.get(i);
            PayloadConverter converter = switch (mapping.codec()) {
                case BYTES -> new BytesConverter();
                case JSON -> new JsonConverter();
                case TELEMETRY_AVRO -> telemetry(mapping, i, telemetrySerializer);
            };
            compiled.add(new CompiledMapping(mapping, converter, metrics.mapping(mapping.filter())));
        }
        return new MappingTable(compiled);
    }

    private static PayloadConverter telemetry(MqttMapping mapping, int index,
                                              Optional<AvroSerializer<Object>> serializer) {
        if (serializer.isEmpty()) {
            throw new SettingsException("mappings[" + index + "].codec", PayloadCodec.TELEMETRY_AVRO.configName()
                    + " writes Avro with a schema registry, and none is configured; configure the schema registry, "
                    + "or use codec json");
        }
        TelemetryAvroConverter converter = new TelemetryAvroConverter(serializer.get());
        try {
            converter.prepare(mapping.topic());
        } catch (SerializationException e) {
            throw new IllegalStateException("mappings[" + index + "] (" + mapping.filter() + "): the schema registry "
                    + "cannot take the DeviceTelemetry schema for topic " + mapping.topic() + ": " + e.getMessage()
                    + "; check the registry's URL, credentials and the subject's compatibility", e);
        }
        return converter;
    }
}
