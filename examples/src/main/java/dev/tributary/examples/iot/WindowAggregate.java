package dev.tributary.examples.iot;

import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.stream.StreamBuilder;
import dev.tributary.sdk.stream.StreamFunction;
import dev.tributary.sdk.stream.StreamOutput;
import dev.tributary.sdk.stream.StreamSerdes;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The second step of the IoT pipeline, a stream function: per device, the count, minimum, maximum and average of
 * temperature and humidity over tumbling windows, one {@link WindowSummary} per device and window, written to the
 * function's output topic ({@code iot.telemetry.1m}).
 *
 * <p>Settings ({@code config} in {@code tributary.yaml}):
 * <ul>
 *   <li>{@code windowSeconds}: the window size, 60 by default;</li>
 *   <li>{@code graceSeconds}: how late a reading may arrive and still count, 10 by default.</li>
 * </ul>
 *
 * <p><b>Time.</b> Windows follow when a reading was taken (its {@code timestamp}), not when it reached Kafka, so a
 * backlog or a replay puts readings in the right window (see {@link EventTime}). Windows are aligned to the epoch:
 * one-minute windows start on the minute.
 *
 * <p><b>Final results only.</b> A window's summary is written once, when the window has closed: when a reading taken
 * at or after the window's end plus the grace period has arrived on the same partition. Its consumers (an alert per
 * window, an archive) then see one summary per device and window instead of an update per reading. The price is
 * latency: a window is written only once readings move time on, so when every device on a partition falls silent, its
 * last windows wait for the next reading. A reading later than the grace period is dropped (Kafka Streams logs it and
 * counts it in its {@code dropped-records} metric).
 *
 * <p>Each summary's id is derived from its last input and window ({@code <input id>:window-aggregate:<device>@<window
 * start>}), and its {@code windowstart} and {@code windowend} extensions carry the window.
 */
public final class WindowAggregate implements StreamFunction {

    /** The CloudEvents type of the summaries. */
    public static final String OUTPUT_TYPE = "dev.tributary.examples.iot.telemetry.window";
    /** The state store holding the open windows; its name is part of its changelog topic's name. */
    static final String STORE = "telemetry-windows";

    @Override
    public void build(StreamBuilder builder, FunctionConfig config) {
        KnownSettings.check(config, WindowAggregate.class, "windowSeconds", "graceSeconds");
        Duration size = Seconds.read(config, "windowSeconds", 60, 1);
        Duration grace = Seconds.read(config, "graceSeconds", 10, 0);
        KStream<Windowed<String>, WindowSummary> summaries = builder.events(DeviceTelemetry.class)
                .filter((device, event) -> event.data() != null)
                .mapValues(Reading::of)
                .processValues(EventTime.<String, Reading>from(Reading::timestamp))
                .groupByKey(Grouped.with(Serdes.String(), StreamSerdes.json(Reading.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(size, grace))
                .aggregate(() -> Tally.EMPTY, (device, reading, tally) -> tally.add(reading),
                        Materialized.<String, Tally, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(StreamSerdes.json(Tally.class)))
                // The buffer holds one tally per device and open window; unbounded keeps every one of them.
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName("closed-windows"))
                .toStream()
                .mapValues((window, tally) -> tally.summary(window.key(), window.window()));
        builder.output(summaries, StreamOutput.of(OUTPUT_TYPE, DataCodecs.json(WindowSummary.class)));
    }

    /**
     * A reading as a window needs it.
     *
     * @param timestamp when it was taken, in epoch millis
     */
    public record Reading(double temperature, double humidity, String site, long timestamp) {

        /** @throws NonRetryableException for data that ValidateEnrich did not write: the dead-letter topic takes it */
        static Reading of(Event<DeviceTelemetry> event) {
            DeviceTelemetry telemetry = event.data();
            if (telemetry.getMetrics().get(Metrics.TEMPERATURE) == null
                    || telemetry.getMetrics().get(Metrics.HUMIDITY) == null
                    || telemetry.getTimestamp().toEpochMilli() <= 0) {
                throw new NonRetryableException("event " + event.id() + " is not a validated reading: it needs a"
                        + " timestamp and metrics " + Metrics.TEMPERATURE + " and " + Metrics.HUMIDITY
                        + "; this function reads the output of ValidateEnrich");
            }
            String site = event.extensions().getOrDefault(ValidateEnrich.SITE, SiteDirectory.DEFAULT_SITE);
            return new Reading(Metrics.temperature(telemetry), Metrics.humidity(telemetry), site,
                    telemetry.getTimestamp().toEpochMilli());
        }
    }

    /** What the store keeps per device and window; {@link #EMPTY} before the first reading. */
    public record Tally(long count, String site, Spread temperature, Spread humidity) {

        static final Tally EMPTY = new Tally(0, null, null, null);

        Tally add(Reading reading) {
            if (count == 0) {
                return new Tally(1, reading.site(), Spread.of(reading.temperature()), Spread.of(reading.humidity()));
            }
            return new Tally(count + 1, reading.site(), temperature.add(reading.temperature()),
                    humidity.add(reading.humidity()));
        }

        WindowSummary summary(String deviceId, Window window) {
            return new WindowSummary(deviceId, site, window.startTime().toString(), window.endTime().toString(), count,
                    temperature.over(count), humidity.over(count));
        }
    }

    /** The lowest, highest and sum of one metric's readings. */
    public record Spread(double min, double max, double sum) {

        static Spread of(double value) {
            return new Spread(value, value, value);
        }

        Spread add(double value) {
            return new Spread(Math.min(min, value), Math.max(max, value), sum + value);
        }

        WindowSummary.Metric over(long count) {
            return new WindowSummary.Metric(min, max, sum / count);
        }
    }
}
