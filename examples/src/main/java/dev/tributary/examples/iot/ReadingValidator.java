package dev.tributary.examples.iot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.GeoLocation;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.NonRetryableException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a device's raw JSON reading and turns it into {@link DeviceTelemetry}, or rejects it with a
 * {@link NonRetryableException} that says what is wrong: retrying cannot fix a reading, so it goes to the dead-letter
 * topic at once, with the reason in its {@code tributary.dlt.error.message} header.
 *
 * <p>A reading has the fields of the Avro {@code DeviceTelemetry} record and no others, as the MQTT adapter's
 * {@code telemetry-avro} codec demands, so a reading accepted here would also be accepted there:
 * <pre>{@code
 * {"deviceId": "pump-7", "timestamp": "2026-01-01T10:00:00Z",
 *  "metrics": {"temperature_c": 21.5, "humidity_pct": 40.2, "battery": 0.93},
 *  "location": {"lat": 52.52, "lon": 13.40}}
 * }</pre>
 * Immutable and thread-safe.
 */
final class ReadingValidator {

    static final double HUMIDITY_MIN = 0;
    static final double HUMIDITY_MAX = 100;
    private static final Set<String> FIELDS = Set.of("deviceId", "timestamp", "metrics", "location");
    private static final Set<String> LOCATION_FIELDS = Set.of("lat", "lon", "altitude");

    private final double temperatureMin;
    private final double temperatureMax;

    private ReadingValidator(double temperatureMin, double temperatureMax) {
        this.temperatureMin = temperatureMin;
        this.temperatureMax = temperatureMax;
    }

    /**
     * Reads {@code temperatureMin} and {@code temperatureMax} (-50 and 150 °C by default) from a function's settings.
     *
     * @throws IllegalArgumentException naming the setting when the range is empty or not numbers
     */
    static ReadingValidator from(FunctionConfig config) {
        double min = config.number("temperatureMin", -50);
        double max = config.number("temperatureMax", 150);
        if (!(min < max)) {
            throw new IllegalArgumentException("functions[" + config.functionName() + "].config.temperatureMin: " + min
                    + " must be below temperatureMax " + max);
        }
        return new ReadingValidator(min, max);
    }

    /**
     * @param reading   the event's data; null when it has none
     * @param key       the event's ordering key, the device id from the MQTT topic
     * @param eventTime when the reading arrived, used when the reading has no timestamp of its own
     * @throws NonRetryableException naming the field and what is allowed
     */
    DeviceTelemetry validate(JsonNode reading, Optional<String> key, Optional<OffsetDateTime> eventTime) {
        String device = key.filter(k -> !k.isBlank()).orElseThrow(() -> new NonRetryableException(
                "the reading has no key; map the MQTT topic with key: \"{1}\" so that the device id is the key"));
        if (reading == null || !reading.isObject()) {
            throw invalid(device, "the data is " + (reading == null ? "missing" : "not a JSON object")
                    + "; publish an object such as {\"deviceId\":\"" + device + "\",\"metrics\":{\""
                    + Metrics.TEMPERATURE + "\":21.5,\"" + Metrics.HUMIDITY + "\":40}}");
        }
        onlyKnownFields(device, reading, FIELDS, "", "a reading has deviceId, timestamp, metrics and location (the"
                + " DeviceTelemetry schema); other numbers go under metrics");
        checkDeviceId(device, reading.get("deviceId"));
        long timestamp = timestamp(device, reading.get("timestamp"), eventTime);
        Map<String, Double> metrics = metrics(device, reading.get("metrics"));
        GeoLocation location = location(device, reading.get("location"));
        return new DeviceTelemetry(device, Instant.ofEpochMilli(timestamp), metrics, location);
    }

    private static void checkDeviceId(String device, JsonNode deviceId) {
        if (deviceId == null || deviceId.isNull() || !deviceId.isTextual() || deviceId.asText().isBlank()) {
            throw invalid(device, "deviceId is missing or not text; every reading names its device");
        }
        if (!deviceId.asText().equals(device)) {
            throw invalid(device, "deviceId '" + deviceId.asText() + "' does not match the key '" + device
                    + "', the device id in the MQTT topic; a device publishes to devices/<its own id>/telemetry");
        }
    }

    private static long timestamp(String device, JsonNode timestamp, Optional<OffsetDateTime> eventTime) {
        if (timestamp == null || timestamp.isNull()) {
            return eventTime.map(time -> time.toInstant().toEpochMilli()).orElseThrow(() -> invalid(device,
                    "timestamp is missing and the event has no time to use instead; send epoch milliseconds or an"
                            + " ISO-8601 instant"));
        }
        if (timestamp.isIntegralNumber() && timestamp.canConvertToLong() && timestamp.asLong() > 0) {
            return timestamp.asLong();
        }
        if (timestamp.isTextual()) {
            try {
                return OffsetDateTime.parse(timestamp.asText()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                // reported below with the value
            }
        }
        throw invalid(device, "timestamp " + timestamp + " is neither positive epoch milliseconds nor an ISO-8601"
                + " instant with an offset, such as 2026-01-01T10:00:00Z");
    }

    private Map<String, Double> metrics(String device, JsonNode metrics) {
        if (metrics == null || !metrics.isObject()) {
            throw invalid(device, "metrics is missing or not an object; it holds numbers by name, at least "
                    + Metrics.TEMPERATURE + " and " + Metrics.HUMIDITY);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> metric : metrics.properties()) {
            if (!metric.getValue().isNumber()) {
                throw invalid(device, "metrics." + metric.getKey() + " is " + metric.getValue()
                        + ", not a number; every metric is a number, its unit in its name");
            }
            values.put(metric.getKey(), metric.getValue().asDouble());
        }
        inRange(device, values, Metrics.TEMPERATURE, temperatureMin, temperatureMax, "°C",
                "; check the sensor, or widen temperatureMin and temperatureMax");
        inRange(device, values, Metrics.HUMIDITY, HUMIDITY_MIN, HUMIDITY_MAX, "%", "");
        return Collections.unmodifiableMap(values);
    }

    private static void inRange(String device, Map<String, Double> metrics, String name, double min, double max,
                                String unit, String hint) {
        Double value = metrics.get(name);
        if (value == null) {
            throw invalid(device, "metrics." + name + " is missing; every reading carries " + Metrics.TEMPERATURE
                    + " and " + Metrics.HUMIDITY);
        }
        if (value < min || value > max) {
            throw invalid(device, "metrics." + name + " " + value + " " + unit + " is outside the plausible range "
                    + min + ".." + max + " " + unit + hint);
        }
    }

    private static GeoLocation location(String device, JsonNode location) {
        if (location == null || location.isNull()) {
            return null;
        }
        if (!location.isObject()) {
            throw invalid(device, "location is " + location + "; it is an object {\"lat\":..,\"lon\":..} or null");
        }
        onlyKnownFields(device, location, LOCATION_FIELDS, "location.", "a location has lat, lon and altitude");
        double lat = coordinate(device, location.get("lat"), "location.lat", 90);
        double lon = coordinate(device, location.get("lon"), "location.lon", 180);
        JsonNode altitude = location.get("altitude");
        if (altitude != null && !altitude.isNull() && !altitude.isNumber()) {
            throw invalid(device, "location.altitude is " + altitude + ", not a number of metres or null");
        }
        return new GeoLocation(lat, lon, altitude == null || altitude.isNull() ? null : altitude.asDouble());
    }

    private static double coordinate(String device, JsonNode value, String name, double limit) {
        if (value == null || !value.isNumber() || Math.abs(value.asDouble()) > limit) {
            throw invalid(device, name + " is " + value + "; it is a number of degrees from -" + (int) limit + " to "
                    + (int) limit);
        }
        return value.asDouble();
    }

    private static void onlyKnownFields(String device, JsonNode object, Set<String> known, String path,
                                        String allowed) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (!known.contains(name)) {
                throw invalid(device, "unknown field " + path + name + "; " + allowed);
            }
        }
    }

    private static NonRetryableException invalid(String device, String reason) {
        return new NonRetryableException("invalid reading from " + device + ": " + reason);
    }
}
