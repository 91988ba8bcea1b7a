package dev.tributary.launcher.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the demo's events are at one moment, and whether every one is accounted for: each reading the MQTT endpoint
 * acknowledged reached {@code iot.telemetry}, the dead-letter topic or the invalid topic; {@code window-aggregate} has
 * read all of {@code iot.telemetry}; every window above the threshold alerted; both alert sinks received every alert;
 * and every window summary is in the archive bucket.
 *
 * @param devicesDone      whether every device has had every reading answered
 * @param hotWindows       window summaries above the threshold
 * @param webhookMissing   alerts on {@code iot.alerts} the webhook receiver has not received
 * @param commandsMissing  alerts on {@code iot.alerts} the command broker has not received
 * @param aggregateLag     records of {@code iot.telemetry} {@code window-aggregate} has not committed, -1 if unknown
 * @param archived         the window summaries in the archive bucket's objects
 * @param lag              every function's records not yet done
 */
public record DemoProgress(Duration elapsed, boolean devicesDone, int sent, int ingested, int refused, int processed,
                           int deadLettered, int invalid, int summaries, int hotWindows, int alerts, int webhook,
                           int commands, int webhookMissing, int commandsMissing, ArchivedSummaries archived,
                           long aggregateLag, long lag) {

    public int accounted() {
        return processed + deadLettered + invalid;
    }

    public boolean complete() {
        return devicesDone && ingested > 0 && ingested == accounted() && aggregateLag == 0 && alerts > 0
                && alerts >= hotWindows && webhookMissing == 0 && commandsMissing == 0
                && archived.summaries() == summaries;
    }

    /** One line for the progress display. */
    public String line() {
        return String.format(Locale.ROOT, "  %4ds  ingested %d/%d  processed %d  dead-lettered %d  invalid %d  "
                        + "summaries %d (archived %d)  alerts %d (webhook %d, MQTT %d)  lag %d",
                elapsed.toSeconds(), ingested, sent, processed, deadLettered, invalid, summaries, archived.summaries(),
                alerts, webhook, commands, lag);
    }

    /** What keeps the run from being complete, one sentence each. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!devicesDone) {
            missing.add("the devices have not had all their readings acknowledged (" + (ingested + refused) + " of "
                    + sent + " answered)");
        }
        if (refused > 0) {
            missing.add(refused + " readings were refused by the MQTT endpoint, so they are not counted as ingested");
        }
        if (ingested != accounted()) {
            missing.add((ingested - accounted()) + " of " + ingested + " ingested readings are on none of "
                    + DemoTopics.TELEMETRY + ", " + DemoTopics.DEAD_LETTERS + " and " + DemoTopics.INVALID);
        }
        if (aggregateLag != 0) {
            missing.add("window-aggregate has " + (aggregateLag < 0 ? "an unknown number of" : aggregateLag)
                    + " readings of " + DemoTopics.TELEMETRY + " left to summarise");
        }
        if (alerts == 0) {
            missing.add("no window alerted: no hot device's window closed");
        }
        if (alerts < hotWindows) {
            missing.add((hotWindows - alerts) + " windows above the threshold have no alert on " + DemoTopics.ALERTS);
        }
        if (webhookMissing > 0) {
            missing.add(webhookMissing + " alerts have not reached the webhook receiver");
        }
        if (commandsMissing > 0) {
            missing.add(commandsMissing + " alerts have not reached the device-commands broker");
        }
        if (archived.summaries() != summaries) {
            missing.add("the archive bucket holds " + archived.summaries() + " of the " + summaries + " window summaries"
                    + " on " + DemoTopics.SUMMARIES);
        }
        return missing;
    }
}
