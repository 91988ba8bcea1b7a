package dev.tributary.examples.iot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.codec.DataCodec;
import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.Output;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * On each tick of a cron schedule (hourly in the IoT pipeline), emits a {@link Report} to the function's output topic
 * ({@code iot.reports}) saying which period just ended and where its alert counts are.
 *
 * <p><b>Why it counts nothing.</b> A function keeps no state between events, so it cannot know how many alerts the
 * hour had. The counting is {@link AlertCount}'s, a stream function whose tallies survive restarts; this report names
 * the period and where to read them: the latest event per device with {@code windowstart} equal to the period's start
 * on {@code countsTopic}. A reader that wants the numbers in one message joins the two, which is a consumer's job.
 *
 * <p>Settings ({@code config} in {@code tributary.yaml}):
 * <ul>
 *   <li>{@code periodSeconds}: how long the reported period is, 3600 by default; keep it equal to the schedule's
 *       interval and to {@link AlertCount}'s {@code windowSeconds};</li>
 *   <li>{@code countsTopic}: where {@link AlertCount} writes, {@code iot.alerts.1h} by default.</li>
 * </ul>
 *
 * <p>The period ends at the tick's scheduled time, so a catch-up tick fired late after downtime still reports the
 * period it was scheduled for. The report's id is derived from the tick's ({@code cron:<schedule>:<time>}), so each
 * fire time gives one report id however often the tick is handled.
 */
public final class AlertReport implements EventFunction<JsonNode> {

    /** The CloudEvents type of the reports. */
    public static final String OUTPUT_TYPE = "dev.tributary.examples.iot.alert.report";

    private static final DataCodec<Report> REPORT = DataCodecs.json(Report.class);

    private volatile Duration period;
    private volatile String countsTopic;

    @Override
    public void open(FunctionConfig config) {
        KnownSettings.check(config, AlertReport.class, "periodSeconds", "countsTopic");
        period = Seconds.read(config, "periodSeconds", 3600, 1);
        countsTopic = config.string("countsTopic").orElse("iot.alerts.1h");
    }

    @Override
    public void handle(Event<JsonNode> event, Context context) {
        Instant end = scheduledTime(event);
        Instant start = end.minus(period);
        String schedule = text(event.data(), "schedule").orElse(event.keyAsString().orElse("unknown"));
        String message = "Alerts from " + start + " to " + end + ": the count per device is the latest event on "
                + countsTopic + " with windowstart " + start + "; this report does not count them itself.";
        context.emit(Output.ofType(OUTPUT_TYPE)
                .time(OffsetDateTime.ofInstant(end, ZoneOffset.UTC))
                .data(new Report(schedule, start.toString(), end.toString(),
                        text(event.data(), "firedTime").orElse(null), countsTopic, message), REPORT)
                .build());
    }

    private static Instant scheduledTime(Event<JsonNode> event) {
        Optional<String> scheduled = text(event.data(), "scheduledTime");
        if (scheduled.isEmpty()) {
            return event.time().map(OffsetDateTime::toInstant).orElseThrow(() -> new NonRetryableException(
                    "tick " + event.id() + " has neither data.scheduledTime nor a time; this function reads the"
                            + " ticks of a cron schedule (ingest.cron)"));
        }
        try {
            return OffsetDateTime.parse(scheduled.get()).toInstant();
        } catch (DateTimeParseException e) {
            throw new NonRetryableException("tick " + event.id() + " has scheduledTime '" + scheduled.get()
                    + "', which is not an ISO-8601 instant such as 2026-01-01T10:00:00Z", e);
        }
    }

    private static Optional<String> text(JsonNode data, String field) {
        return Optional.ofNullable(data).map(d -> d.get(field)).filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    /**
     * The period a tick ends. Times are ISO-8601 instants in UTC.
     *
     * @param schedule    the cron schedule that fired
     * @param periodStart when the period starts, included
     * @param periodEnd   when it ends, excluded: the tick's scheduled time
     * @param firedTime   when the tick actually fired, later than {@code periodEnd} for a catch-up tick; null if the
     *                    tick did not say
     * @param countsTopic where the alert counts of the period are
     * @param message     what the report says, for a person
     */
    public record Report(String schedule, String periodStart, String periodEnd, String firedTime, String countsTopic,
                         String message) {
    }
}
