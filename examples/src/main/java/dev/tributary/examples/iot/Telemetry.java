package dev.tributary.examples.iot;

import java.util.Map;

/**
 * A validated reading, as {@link ValidateEnrich} writes it to {@code iot.telemetry}: the fields of the Avro
 * {@code DeviceTelemetry} record ({@code schemas/src/main/avro/DeviceTelemetry.avsc}), written as JSON. Keeping that
 * shape means that moving the topic to Avro through the schema registry changes the codec, not the readers.
 *
 * @param deviceId  the device, also the record key
 * @param timestamp when the device took the reading, in milliseconds since the epoch
 * @param metrics   readings by metric name, the unit in the name; always holds {@value #TEMPERATURE} and
 *                  {@value #HUMIDITY}
 * @param location  where the device was, or null
 */
public record Telemetry(String deviceId, long timestamp, Map<String, Double> metrics, Location location) {

    /** The temperature in degrees Celsius. */
    public static final String TEMPERATURE = "temperature_c";
    /** The relative humidity in percent. */
    public static final String HUMIDITY = "humidity_pct";

    /** The temperature in degrees Celsius. */
    public double temperature() {
        return metrics.get(TEMPERATURE);
    }

    /** The relative humidity in percent. */
    public double humidity() {
        return metrics.get(HUMIDITY);
    }

    /**
     * A WGS 84 position, as {@code DeviceTelemetry.location}.
     *
     * @param lat      latitude in degrees, -90 to 90
     * @param lon      longitude in degrees, -180 to 180
     * @param altitude metres above the ellipsoid, or null
     */
    public record Location(double lat, double lon, Double altitude) {
    }
}
