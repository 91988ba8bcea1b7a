package dev.tributary.ingest.mqtt.internal;

import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.avro.AvroCodec;
import dev.tributary.schemas.avro.AvroSerdeException;
import dev.tributary.schemas.avro.AvroSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code telemetry-avro} codec: a JSON telemetry reading (see {@link TelemetryJson}) checked and converted to a
 * {@link DeviceTelemetry}, written as Avro in the Confluent wire format ({@value AvroCodec#CONTENT_TYPE}) against
 * the schema registry of the serializer. The record key is the device id.
 */
public final class TelemetryAvroConverter implements PayloadConverter {

    private final AvroSerializer<Object> serializer;

    public TelemetryAvroConverter(AvroSerializer<Object> serializer) {
        this.serializer = Objects.requireNonNull(serializer, "serializer of telemetry records");
    }

    /**
     * Encodes a sample reading for {@code kafkaTopic}, so that the schema is registered (or looked up) once before
     * devices send anything, and a registry that cannot be used shows at start rather than on every message.
     *
     * @throws AvroSerdeException when the registry refuses the schema or cannot be reached
     */
    public void prepare(String kafkaTopic) {
        serializer.serialize(kafkaTopic, new DeviceTelemetry("schema-check", Instant.EPOCH, Map.of(), null));
    }

    @Override
    public Conversion convert(InboundMessage message, String kafkaTopic, Optional<String> key) {
        DeviceTelemetry reading;
        try {
            reading = TelemetryJson.read(message.payload(), key);
        } catch (TelemetryJson.InvalidTelemetryException e) {
            return new Conversion.Invalid("the payload is not a telemetry reading: " + e.getMessage());
        }
        try {
            byte[] data = serializer.serialize(kafkaTopic, reading);
            return new Conversion.Valid(data, AvroCodec.CONTENT_TYPE, Optional.of(reading.getDeviceId()));
        } catch (AvroSerdeException e) {
            return e.reason().retriable()
                    ? new Conversion.NotNow("the schema registry cannot be used now: " + e.getMessage())
                    : new Conversion.Invalid("the reading cannot be written as Avro: " + e.getMessage());
        }
    }
}
