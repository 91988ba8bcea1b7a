package dev.tributary.ingest.storage;

import dev.tributary.ingest.internal.SettingChecks;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A local directory watched as if it were a bucket, for development: files created, changed or deleted anywhere
 * below it become storage events.
 *
 * @param name           the source's name: events have source {@code /tributary/storage/<name>}
 * @param topic          the Kafka topic the events go to
 * @param directory      the directory to watch; it must exist when the watch starts
 * @param interval       the pause between two scans, {@link #DEFAULT_INTERVAL} by default
 * @param reportExisting whether the files present at start are reported as created; false by default, so that
 *                       restarting a development stack does not replay the whole directory (files changed while
 *                       it was down are then not reported either)
 */
public record DirectoryWatchSettings(String name, String topic, Path directory, Duration interval,
                                     boolean reportExisting) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MIN_INTERVAL = Duration.ofMillis(50);

    public DirectoryWatchSettings {
        SettingChecks.plainName("name", name, "storage source", "each event's source, /tributary/storage/<name>");
        SettingChecks.topic("topic", topic);
        SettingChecks.required("directory", directory, "the path of an existing directory");
        SettingChecks.atLeast("interval", interval, MIN_INTERVAL,
                "scan at most every " + MIN_INTERVAL.toMillis() + " ms");
    }

    /** Scans {@code directory} every second; files already there are not reported. */
    public static DirectoryWatchSettings of(String name, String topic, Path directory) {
        return new DirectoryWatchSettings(name, topic, directory, DEFAULT_INTERVAL, false);
    }

    public DirectoryWatchSettings withInterval(Duration interval) {
        return new DirectoryWatchSettings(name, topic, directory, interval, reportExisting);
    }

    public DirectoryWatchSettings withReportExisting(boolean reportExisting) {
        return new DirectoryWatchSettings(name, topic, directory, interval, reportExisting);
    }
}
