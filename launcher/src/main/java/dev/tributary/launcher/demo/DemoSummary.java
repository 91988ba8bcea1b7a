package dev.tributary.launcher.demo;

import dev.tributary.embedded.S3Process;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** What the demo prints before, and after, its devices run: what runs where, the accounting, where to look. */
public record DemoSummary(DeviceFleet fleet, String kafka, String registry, String mqttEndpoint, String webhook,
                          String commandBroker, ArchiveLocation archive, String admin, Path config, Path kafkaLog) {

    public void printStart(PrintWriter out) {
        out.println();
        out.println("The IoT pipeline runs (" + config + "):");
        out.println("  devices/<id>/telemetry -> MQTT endpoint -> iot.raw -> validate-enrich -> iot.telemetry (Avro)");
        out.println("  -> window-aggregate (5 s windows) -> iot.telemetry.1m -> threshold-alert -> iot.alerts");
        out.println("  -> alert-webhook (HTTP POST) and device-commands (MQTT devices/<id>/commands)");
        out.println("  iot.telemetry.1m -> aggregate-archive -> JSON lines in " + archive.url());
        out.println(String.format(Locale.ROOT, "Simulating %d devices, %d readings each: %d running hot, %d with a"
                        + " reading out of range, %d sending one payload that is not JSON.", fleet.devices(),
                fleet.readingsPerDevice(), fleet.count(fleet::runsHot),
                fleet.count(device -> fleet.sendsTooHot(device) || fleet.sendsTooHumid(device)),
                fleet.count(fleet::sendsGarbage)));
        out.flush();
    }

    /** @param keepRunning whether the stack stays up after the summary */
    public void print(PrintWriter out, DemoProgress last, Duration wallTime, boolean keepRunning) {
        out.println();
        out.println(last.complete() ? "Every event is accounted for." : "Not every event is accounted for:");
        if (!last.complete()) {
            last.missing().forEach(reason -> out.println("  - " + reason));
        }
        row(out, "Readings ingested", last.ingested() + " of " + last.sent()
                + " sent, acknowledged by the MQTT endpoint" + (last.refused() > 0 ? ", " + last.refused()
                + " refused" : ""));
        row(out, "Processed", last.processed() + " valid readings on " + DemoTopics.TELEMETRY);
        row(out, "Dead-lettered", last.deadLettered() + " out-of-range readings on " + DemoTopics.DEAD_LETTERS);
        row(out, "Invalid", last.invalid() + " payloads that are not JSON on " + DemoTopics.INVALID);
        row(out, "Accounted for", last.accounted() + " of " + last.ingested()
                + " ingested (processed + dead-lettered + invalid)");
        row(out, "Window summaries", last.summaries() + " on " + DemoTopics.SUMMARIES + ", " + last.hotWindows()
                + " above " + DemoConfig.TEMPERATURE_ABOVE + " °C");
        row(out, "Alerts", last.alerts() + " on " + DemoTopics.ALERTS);
        row(out, "Delivered", "webhook " + (last.alerts() - last.webhookMissing()) + " of " + last.alerts()
                + ", MQTT device commands " + (last.alerts() - last.commandsMissing()) + " of " + last.alerts());
        row(out, "Archived", last.archived().summaries() + " of " + last.summaries() + " window summaries in "
                + last.archived().objects() + " objects of " + archive.url() + " (" + last.archived().lines()
                + " JSON lines)");
        row(out, "Wall time", wallTime.toSeconds() + " s");
        out.println();
        out.println("Where to look:");
        row(out, "Kafka", kafka + " (topics " + String.join(", ", DemoTopics.RAW, DemoTopics.TELEMETRY,
                DemoTopics.SUMMARIES, DemoTopics.ALERTS, DemoTopics.ALERT_COUNTS, DemoTopics.DEAD_LETTERS,
                DemoTopics.INVALID, DemoTopics.REPORTS) + ")");
        row(out, "Schema registry", registry + " (subject " + DemoTopics.TELEMETRY + "-value: the Avro DeviceTelemetry"
                + " schema)");
        row(out, "MQTT endpoint", mqttEndpoint + " (devices/<id>/telemetry)");
        row(out, "Webhook receiver", webhook);
        row(out, "Command broker", commandBroker + " (devices/<id>/commands)");
        row(out, "S3 store", archive.endpoint() + ", bucket " + archive.bucket() + " (path-style; access key "
                + S3Process.ACCESS_KEY + ", secret " + S3Process.SECRET_KEY + ")");
        row(out, "Archive objects", archive.directory() + " (the bucket's objects as files)");
        row(out, "Metrics, health", admin + "/metrics, " + admin + "/health/ready");
        row(out, "Configuration", config.toString());
        row(out, "Kafka log", kafkaLog.toString());
        if (!keepRunning) {
            out.println("  These stop, and the directory goes, when the demo ends; --keep-running leaves them up for"
                    + " kcat, curl, an S3 client and bin/tributary dlt list.");
        }
        out.flush();
    }

    public void printKeepRunning(PrintWriter out) {
        out.println();
        out.println("The stack keeps running. From another shell, for example:");
        out.println("  kcat -b " + kafka + " -C -t " + DemoTopics.ALERTS + " -f '%k %s\\n'");
        out.println("  bin/tributary dlt list --config " + config + " --bootstrap-servers " + kafka
                + " --function validate-enrich");
        out.println("  curl -s " + admin + "/metrics | grep tributary_dispatch");
        out.println("  find " + archive.directory() + " -name '*.jsonl' | xargs cat");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static void row(PrintWriter out, String name, String value) {
        out.println(String.format(Locale.ROOT, "  %-18s %s", name, value));
    }
}
