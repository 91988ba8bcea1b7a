package dev.tributary.examples.iot;

import dev.tributary.schemas.DeviceTelemetry;

/**
 * The metrics every validated {@link DeviceTelemetry} reading carries, by their names in its {@code metrics} map: the
 * unit is part of the name, as the schema asks.
 */
public final class Metrics {

    /** The temperature in degrees Celsius. */
    public static final String TEMPERATURE = "temperature_c";
    /** The relative humidity in percent. */
    public static final String HUMIDITY = "humidity_pct";

    private Metrics() {
    }

    public static double temperature(DeviceTelemetry reading) {
        return reading.getMetrics().get(TEMPERATURE);
    }

    public static double humidity(DeviceTelemetry reading) {
        return reading.getMetrics().get(HUMIDITY);
    }
}
