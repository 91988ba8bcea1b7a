package dev.tributary.launcher.config;

import dev.tributary.ingest.storage.DirectoryWatchSettings;
import dev.tributary.ingest.storage.StoragePollingSettings;
import dev.tributary.ingest.storage.StorageWebhookSettings;
import java.util.List;

/**
 * Object-storage sources: bucket notifications received by the HTTP adapter, buckets polled, and local
 * directories watched.
 */
public record StorageIngestSettings(List<StorageWebhookSettings> webhooks, List<StoragePollingSettings> polling,
        List<DirectoryWatchSettings> directories) {

    public StorageIngestSettings {
        webhooks = List.copyOf(webhooks);
        polling = List.copyOf(polling);
        directories = List.copyOf(directories);
    }

    public boolean any() {
        return !webhooks.isEmpty() || !polling.isEmpty() || !directories.isEmpty();
    }
}
