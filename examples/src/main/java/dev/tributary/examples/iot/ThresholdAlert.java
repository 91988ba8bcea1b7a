package dev.tributary.examples.iot;

import dev.tributary.schemas.codec.DataCodec;
import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.Output;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The third step of the IoT pipeline: reads the window summaries of {@link WindowAggregate} and emits an
 * {@link Alert} to the function's output topic ({@code iot.alerts}) for each device whose average temperature over a
 * window is above {@code temperatureAbove} (°C, 30 by default). A summary at or below it emits nothing.
 *
 * <p><b>One alert per device and window.</b> The alert's id is {@code temperature-above:<device>@<window start>}: it
 * depends on the device and the window only, not on the summary's own id or position. A summary handled again (a
 * retry, a rebalance, a replayed dead letter, a summary written twice) gives an alert with the same id, by which the
 * webhook's receiver, the device and any other consumer recognise the copy.
 */
public final class ThresholdAlert implements EventFunction<WindowSummary> {

    /** The CloudEvents type of the alerts. */
    public static final String OUTPUT_TYPE = "dev.tributary.examples.iot.alert";

    private static final DataCodec<Alert> ALERT = DataCodecs.json(Alert.class);

    private volatile double temperatureAbove;

    @Override
    public void open(FunctionConfig config) {
        KnownSettings.check(config, ThresholdAlert.class, "temperatureAbove");
        temperatureAbove = config.number("temperatureAbove", 30.0);
    }

    @Override
    public void handle(Event<WindowSummary> event, Context context) {
        WindowSummary summary = requireComplete(event.data());
        double average = summary.temperature().average();
        if (average <= temperatureAbove) {
            return;
        }
        context.metrics().increment("alerts", "metric", Metrics.TEMPERATURE);
        context.emit(Output.ofType(OUTPUT_TYPE)
                .id(alertId(summary))
                .key(summary.deviceId())
                .subject(summary.deviceId())
                .time(OffsetDateTime.parse(summary.windowEnd()))
                .data(new Alert(summary.deviceId(), summary.site(), summary.windowStart(), summary.windowEnd(),
                        Metrics.TEMPERATURE, average, temperatureAbove, message(summary, average)), ALERT)
                .build());
    }

    /** The same for every copy of the summary of one device and window. */
    private static String alertId(WindowSummary summary) {
        return "temperature-above:" + summary.deviceId() + "@" + summary.windowStart();
    }

    private String message(WindowSummary summary, double average) {
        return String.format(Locale.ROOT, "%s at %s averaged %.1f °C from %s to %s, above the threshold of %.1f °C",
                summary.deviceId(), summary.site(), average, summary.windowStart(), summary.windowEnd(),
                temperatureAbove);
    }

    private static WindowSummary requireComplete(WindowSummary summary) {
        if (summary == null || summary.deviceId() == null || summary.temperature() == null
                || summary.windowStart() == null || summary.windowEnd() == null) {
            throw new NonRetryableException("not a window summary: " + summary + "; this function reads the output"
                    + " of WindowAggregate, with deviceId, windowStart, windowEnd and temperature");
        }
        try {
            OffsetDateTime.parse(summary.windowStart());
            OffsetDateTime.parse(summary.windowEnd());
        } catch (DateTimeParseException e) {
            throw new NonRetryableException("window summary of " + summary.deviceId() + " has a window that is not"
                    + " ISO-8601 instants: " + summary.windowStart() + " to " + summary.windowEnd(), e);
        }
        return summary;
    }
}
