package dev.tributary.ingest.mqtt.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.GeoLocation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a telemetry payload into a {@link DeviceTelemetry}, refusing anything the record cannot hold rather than
 * dropping it:
 *
 * <pre>{@code
 * {"deviceId": "pump-7", "timestamp": 1767225600000,
 *  "metrics": {"temperature_c": 21.5, "battery": 0.93},
 *  "location": {"lat": 52.52, "lon": 13.40, "altitude": 34.0}}
 * }</pre>
 *
 * {@code timestamp} is epoch milliseconds or an ISO-8601 instant with an offset ({@code 2026-01-01T00:00:00Z});
 * {@code metrics} may be absent (no readings); {@code location} and its {@code altitude} may be absent or null.
 * {@code deviceId} may be absent when the MQTT topic gives the key; when both are given they must agree.
 */
final class TelemetryJson {

    private static final Set<String> FIELDS = Set.of("deviceId", "timestamp", "metrics", "location");
    private static final Set<String> LOCATION_FIELDS = Set.of("lat", "lon", "altitude");

    private TelemetryJson() {
    }

    /**
     * @param key the device id the MQTT topic gave, if any
     * @throws InvalidTelemetryException saying what is wrong with the payload
     */
    static DeviceTelemetry read(byte[] payload, Optional<String> key) {
        JsonNode json;
        try {
            json = JsonPayloads.read(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidTelemetryException("the payload is not valid JSON: " + JsonPayloads.describe(e));
        }
        if (!json.isObject()) {
            throw new InvalidTelemetryException("the payload is a JSON " + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not an object with deviceId, timestamp, metrics and location");
        }
        requireKnownFields(json, FIELDS, "");
        return DeviceTelemetry.newBuilder()
                .setDeviceId(deviceId(json.get("deviceId"), key))
                .setTimestamp(timestamp(json.get("timestamp")))
                .setMetrics(metrics(json.get("metrics")))
                .setLocation(location(json.get("location")))
                .build();
    }

    private static String deviceId(JsonNode node, Optional<String> key) {
        if (node == null || node.isNull()) {
            return key.orElseThrow(() -> new InvalidTelemetryException("deviceId is missing, and the mapping takes no "
                    + "key from the MQTT topic; send deviceId, or give the mapping a key such as {1}"));
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new InvalidTelemetryException("deviceId must be a non-empty string, not " + node);
        }
        String deviceId = node.asText();
        if (key.isPresent() && !key.get().equals(deviceId)) {
            throw new InvalidTelemetryException("deviceId '" + deviceId + "' differs from the device '" + key.get()
                    + "' of the MQTT topic; a device publishes its own readings");
        }
        return deviceId;
    }

    private static Instant timestamp(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidTelemetryException("timestamp is missing; send epoch milliseconds or an ISO-8601 instant "
                    + "such as 2026-01-01T00:00:00Z");
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        if (node.isTextual()) {
            try {
                return OffsetDateTime.parse(node.asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidTelemetryException("timestamp '" + node.asText() + "' is not an ISO-8601 instant with "
                        + "an offset, such as 2026-01-01T00:00:00Z");
            }
        }
        throw new InvalidTelemetryException("timestamp must be epoch milliseconds (an integer) or an ISO-8601 "
                + "string, not " + node);
    }

    private static Map<String, Double> metrics(JsonNode node) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return metrics;
        }
        if (!node.isObject()) {
            throw new InvalidTelemetryException("metrics must be an object of numbers, such as "
                    + "{\"temperature_c\": 21.5}, not " + node);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            if (!metric.getValue().isNumber()) {
                throw new InvalidTelemetryException("metrics." + metric.getKey() + " must be a number, not "
                        + metric.getValue());
            }
            metrics.put(metric.getKey(), metric.getValue().asDouble());
        }
        return metrics;
    }

    private static GeoLocation location(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidTelemetryException("location must be an object with lat and lon, not " + node);
        }
        requireKnownFields(node, LOCATION_FIELDS, "location.");
        JsonNode altitude = node.get("altitude");
        if (altitude != null && !altitude.isNull() && !altitude.isNumber()) {
            throw new InvalidTelemetryException("location.altitude must be a number or null, not " + altitude);
        }
        return GeoLocation.newBuilder()
                .setLat(degrees(node.get("lat"), "location.lat", 90))
                .setLon(degrees(node.get("lon"), "location.lon", 180))
                .setAltitude(altitude == null || altitude.isNull() ? null : altitude.asDouble())
                .build();
    }

    private static double degrees(JsonNode node, String field, double limit) {
        if (node == null || !node.isNumber()) {
            throw new InvalidTelemetryException(field + " must be a number of decimal degrees, not "
                    + (node == null ? "missing" : node.toString()));
        }
        double value = node.asDouble();
        if (value < -limit || value > limit) {
            throw new InvalidTelemetryException(field + " " + value + " is not between -" + (int) limit + " and "
                    + (int) limit);
        }
        return value;
    }

    private static void requireKnownFields(JsonNode object, Set<String> known, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidTelemetryException(prefix + name + " is not a telemetry field, and would be lost; "
                        + "the fields are " + known.stream().sorted().map(field -> prefix + field).toList());
            }
        }
    }

    /** A payload that is not a telemetry reading. */
    static final class InvalidTelemetryException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidTelemetryException(String message) {
            super(message, null, false, false);
        }
    }
}
