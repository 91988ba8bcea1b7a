package dev.tributary.examples.iot;

/**
 * One device's readings over one window, as {@link WindowAggregate} writes them to {@code iot.telemetry.1m}. Times are
 * ISO-8601 instants in UTC; the window includes its start and excludes its end.
 *
 * @param deviceId    the device, also the record key
 * @param site        the device's site, from its latest reading in the window
 * @param windowStart when the window starts
 * @param windowEnd   when the window ends
 * @param count       how many readings the window holds, at least 1
 * @param temperature the temperature in °C over the window
 * @param humidity    the relative humidity in % over the window
 */
public record WindowSummary(String deviceId, String site, String windowStart, String windowEnd, long count,
                            Metric temperature, Metric humidity) {

    /**
     * One metric over a window.
     *
     * @param min     the lowest reading
     * @param max     the highest reading
     * @param average the mean of the readings
     */
    public record Metric(double min, double max, double average) {
    }
}
