package dev.tributary.ingest.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.mqtt.UnreachableSchemaRegistry;
import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.avro.AvroDeserializer;
import dev.tributary.schemas.avro.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The payload codecs: bytes, json and telemetry-avro. */
class CodecsTest {

    private final UnreachableSchemaRegistry registry = new UnreachableSchemaRegistry();
    private final TelemetryAvroConverter telemetry =
            new TelemetryAvroConverter(new AvroSerializer<>(registry, Map.of(), false));

    @Test
    void bytesKeepThePayloadAndThePublishersContentType() {
        InboundMessage plain = InboundMessage.of("cams/1/frame", new byte[]{0, 1, 2}, 1);
        InboundMessage typed = new InboundMessage("cams/1/frame", new byte[]{0, 1}, 1, List.of(),
                Optional.of("image/jpeg"));

        Conversion.Valid plainData = (Conversion.Valid) new BytesConverter().convert(plain, "frames", Optional.empty());
        Conversion.Valid typedData = (Conversion.Valid) new BytesConverter().convert(typed, "frames", Optional.empty());

        assertThat(plainData.data()).containsExactly(0, 1, 2);
        assertThat(plainData.contentType()).isEqualTo("application/octet-stream");
        assertThat(typedData.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void jsonAcceptsOneJsonValueUnchanged() {
        Conversion conversion = new JsonConverter().convert(message("{\"t\": 21.5}"), "telemetry", Optional.empty());

        assertThat(conversion).isInstanceOf(Conversion.Valid.class);
        Conversion.Valid valid = (Conversion.Valid) conversion;
        assertThat(new String(valid.data(), StandardCharsets.UTF_8)).isEqualTo("{\"t\": 21.5}");
        assertThat(valid.contentType()).isEqualTo("application/json");
    }

    @Test
    void jsonRefusesWhatIsNotExactlyOneJsonValueSayingWhereItFails() {
        JsonConverter json = new JsonConverter();

        assertThat(reason(json.convert(message("{\"t\": 21.5"), "t", Optional.empty())))
                .startsWith("the payload is not valid JSON").contains("line 1");
        assertThat(reason(json.convert(message("{} {}"), "t", Optional.empty()))).contains("not valid JSON");
        assertThat(reason(json.convert(message("{\"a\":1,\"a\":2}"), "t", Optional.empty()))).contains("Duplicate");
        assertThat(reason(json.convert(message(""), "t", Optional.empty()))).contains("the payload is empty");
    }

    @Test
    void telemetryIsConvertedToADeviceTelemetryRecordInTheWireFormat() {
        Conversion conversion = telemetry.convert(message("""
                {"deviceId": "pump-7", "timestamp": 1767225600000, "metrics": {"temperature_c": 21.5},
                 "location": {"lat": 52.5, "lon": 13.4}}"""), "telemetry", Optional.of("pump-7"));

        Conversion.Valid valid = (Conversion.Valid) conversion;
        assertThat(valid.contentType()).isEqualTo("application/avro");
        assertThat(valid.key()).contains("pump-7");
        assertThat(valid.data()[0]).as("the wire format's magic byte").isZero();
        DeviceTelemetry reading = AvroDeserializer.specific(registry, DeviceTelemetry.class)
                .deserialize("telemetry", valid.data());
        assertThat(reading.getDeviceId()).isEqualTo("pump-7");
        assertThat(reading.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1767225600000L));
        assertThat(reading.getMetrics()).containsEntry("temperature_c", 21.5);
        assertThat(reading.getLocation().getLat()).isEqualTo(52.5);
        assertThat(reading.getLocation().getAltitude()).isNull();
    }

    @Test
    void telemetryTakesTheDeviceIdFromTheTopicAndAnIsoTimestamp() {
        Conversion conversion = telemetry.convert(message("{\"timestamp\": \"2026-01-01T00:00:00Z\"}"), "telemetry",
                Optional.of("pump-8"));

        assertThat(((Conversion.Valid) conversion).key()).contains("pump-8");
    }

    @Test
    void telemetryThatDoesNotFitTheRecordIsInvalidSayingWhy() {
        assertThat(reason(telemetry.convert(message("{\"deviceId\": \"a\"}"), "t", Optional.empty())))
                .contains("timestamp is missing");
        assertThat(reason(telemetry.convert(message("{\"timestamp\": 1, \"colour\": \"red\"}"), "t", Optional.of("a"))))
                .contains("colour is not a telemetry field");
        assertThat(reason(telemetry.convert(message("{\"deviceId\": \"b\", \"timestamp\": 1}"), "t", Optional.of("a"))))
                .contains("differs from the device 'a'");
        assertThat(reason(telemetry.convert(message("{\"timestamp\": 1, \"metrics\": {\"t\": \"hot\"}}"), "t",
                Optional.of("a")))).contains("metrics.t must be a number");
        assertThat(reason(telemetry.convert(message("{\"timestamp\": 1, \"location\": {\"lat\": 91, \"lon\": 0}}"),
                "t", Optional.of("a")))).contains("location.lat 91.0 is not between -90 and 90");
        assertThat(reason(telemetry.convert(message("{\"timestamp\": 1}"), "t", Optional.empty())))
                .contains("deviceId is missing");
        assertThat(reason(telemetry.convert(message("[1]"), "t", Optional.of("a")))).contains("not an object");
    }

    @Test
    void anUnreachableRegistryMeansNotNowRatherThanInvalid() {
        registry.unreachable(true);

        Conversion conversion = telemetry.convert(message("{\"timestamp\": 1}"), "fresh-topic", Optional.of("a"));

        assertThat(conversion).isInstanceOf(Conversion.NotNow.class);
    }

    private static InboundMessage message(String payload) {
        return InboundMessage.of("devices/a/telemetry", payload.getBytes(StandardCharsets.UTF_8), 1);
    }

    private static String reason(Conversion conversion) {
        assertThat(conversion).isInstanceOf(Conversion.Invalid.class);
        return ((Conversion.Invalid) conversion).reason();
    }
}
