package dev.tributary.examples.iot;

import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.stream.StreamBuilder;
import dev.tributary.sdk.stream.StreamFunction;
import dev.tributary.sdk.stream.StreamOutput;
import dev.tributary.sdk.stream.StreamSerdes;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts each device's alerts per period (an hour by default), a stream function over {@link ThresholdAlert}'s output:
 * an {@link AlertTally} per device and period to the function's output topic ({@code iot.alerts.1h}). It is the state
 * behind the hourly report, which {@link AlertReport}, being stateless, cannot keep.
 *
 * <p>Settings ({@code config} in {@code tributary.yaml}):
 * <ul>
 *   <li>{@code windowSeconds}: the period, 3600 by default; keep it equal to {@link AlertReport}'s
 *       {@code periodSeconds};</li>
 *   <li>{@code graceSeconds}: how late an alert may arrive and still count, 300 by default.</li>
 * </ul>
 *
 * <p><b>Duplicates count once.</b> What is counted is the distinct windows that raised an alert, so a copy of an alert
 * (same device and window, the same id) does not count twice.
 *
 * <p><b>Time.</b> An alert counts in the period of the window it is about (its {@code windowStart}), not in the one it
 * was written in. Periods are aligned to the epoch: hourly periods start on the hour, in UTC.
 *
 * <p><b>Updates.</b> Unlike {@link WindowAggregate}, each alert writes the period's tally so far: a count is useful
 * before its hour is over, and a final result would wait for an alert of a later hour, which may never come. A reader
 * takes the latest tally per device and {@code windowstart}.
 */
public final class AlertCount implements StreamFunction {

    /** The CloudEvents type of the tallies. */
    public static final String OUTPUT_TYPE = "dev.tributary.examples.iot.alert.count";
    /** The state store holding the tallies; its name is part of its changelog topic's name. */
    static final String STORE = "alert-counts";

    @Override
    public void build(StreamBuilder builder, FunctionConfig config) {
        KnownSettings.check(config, AlertCount.class, "windowSeconds", "graceSeconds");
        Duration period = Seconds.read(config, "windowSeconds", 3600, 1);
        Duration grace = Seconds.read(config, "graceSeconds", 300, 0);
        KStream<Windowed<String>, AlertTally> tallies = builder.input(Alert.class)
                .filter((device, alert) -> alert != null)
                .processValues(EventTime.<String, Alert>from(AlertCount::windowStart))
                .groupByKey(Grouped.with(Serdes.String(), StreamSerdes.json(Alert.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(period, grace))
                .aggregate(() -> AlertedWindows.NONE, (device, alert, windows) -> windows.with(alert.windowStart()),
                        Materialized.<String, AlertedWindows, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(StreamSerdes.json(AlertedWindows.class)))
                .toStream()
                .mapValues((key, windows) -> new AlertTally(key.key(), key.window().startTime().toString(),
                        key.window().endTime().toString(), windows.starts().size(), windows.starts()));
        builder.output(tallies, StreamOutput.of(OUTPUT_TYPE, DataCodecs.json(AlertTally.class)));
    }

    private static long windowStart(Alert alert) {
        if (alert.windowStart() != null) {
            try {
                return Instant.parse(alert.windowStart()).toEpochMilli();
            } catch (DateTimeParseException e) {
                // reported below with the value
            }
        }
        throw new NonRetryableException("alert of " + alert.deviceId() + " has no windowStart as an ISO-8601 instant ("
                + alert.windowStart() + "); this function reads the output of ThresholdAlert");
    }

    /**
     * The starts of the windows that raised an alert in one period, in order, each once.
     *
     * @param starts ISO-8601 instants
     */
    public record AlertedWindows(List<String> starts) {

        static final AlertedWindows NONE = new AlertedWindows(List.of());

        AlertedWindows with(String start) {
            if (starts.contains(start)) {
                return this;
            }
            List<String> more = new ArrayList<>(starts);
            more.add(start);
            more.sort(Comparator.comparing(Instant::parse));
            return new AlertedWindows(List.copyOf(more));
        }
    }
}
