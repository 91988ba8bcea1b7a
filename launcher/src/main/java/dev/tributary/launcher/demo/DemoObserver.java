package dev.tributary.launcher.demo;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Gathers a {@link DemoProgress} from the devices, the topics, the alert sinks' receivers, the archive bucket and the
 * functions' lag.
 */
public final class DemoObserver {

    private final SimulatedDevices devices;
    private final PipelineCounts counts;
    private final WebhookReceiver webhook;
    private final CommandBroker commands;
    private final ArchiveBucket archive;
    private final PipelineLag lag;
    private final long startNanos = System.nanoTime();

    public DemoObserver(SimulatedDevices devices, PipelineCounts counts, WebhookReceiver webhook,
                        CommandBroker commands, ArchiveBucket archive, PipelineLag lag) {
        this.devices = devices;
        this.counts = counts;
        this.webhook = webhook;
        this.commands = commands;
        this.archive = archive;
        this.lag = lag;
    }

    public DemoProgress snapshot() {
        // The counts are read before the sinks', so an alert a sink received is never missing from the alerts.
        Set<String> alerts = counts.alertIds();
        int summaries = counts.count(DemoTopics.SUMMARIES);
        boolean devicesDone = devices.finished().isDone();
        DemoProgress progress = new DemoProgress(Duration.ofNanos(System.nanoTime() - startNanos), devicesDone,
                devices.sent(), devices.acknowledged(), devices.refused(), counts.count(DemoTopics.TELEMETRY),
                counts.count(DemoTopics.DEAD_LETTERS), counts.count(DemoTopics.INVALID),
                summaries, counts.hotWindows(), alerts.size(),
                webhook.receivedIds().size(), commands.receivedIds().size(),
                missing(alerts, webhook.receivedIds()), missing(alerts, commands.receivedIds()), archive.count(),
                lag.streamFunction("window-aggregate", DemoTopics.TELEMETRY), lag.total());
        return progress;
    }

    private static int missing(Set<String> alerts, Set<String> received) {
        Set<String> missing = new HashSet<>(alerts);
        missing.removeAll(received);
        return missing.size();
    }
}
