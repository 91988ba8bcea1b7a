package dev.tributary.examples.iot;

import java.util.List;

/**
 * How many alerts one device had over one period, as {@link AlertCount} writes it to {@code iot.alerts.1h}. Times are
 * ISO-8601 instants in UTC; the period includes its start and excludes its end.
 *
 * @param deviceId       the device, also the record key
 * @param windowStart    when the period starts
 * @param windowEnd      when the period ends
 * @param alerts         how many windows of the device raised an alert in the period
 * @param alertedWindows the start of each of those windows, in order
 */
public record AlertTally(String deviceId, String windowStart, String windowEnd, int alerts,
                         List<String> alertedWindows) {
}
