package dev.tributary.examples.iot;

/**
 * A device whose average over a window crossed a threshold, as {@link ThresholdAlert} writes it to
 * {@code iot.alerts}. Times are ISO-8601 instants in UTC.
 *
 * @param deviceId    the device, also the record key
 * @param site        the device's site
 * @param windowStart when the window starts
 * @param windowEnd   when the window ends
 * @param metric      the metric whose average crossed the threshold, such as {@code temperature_c}
 * @param average     the metric's average over the window
 * @param threshold   the threshold it is above
 * @param message     what happened, for a person
 */
public record Alert(String deviceId, String site, String windowStart, String windowEnd, String metric, double average,
                    double threshold, String message) {
}
