package dev.tributary.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.ingest.SettingsException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StorageSettingsTest {

    private static final S3Credentials KEYS = S3Credentials.of("access", "secret");

    @Test
    void pollingDefaults() {
        StoragePollingSettings settings = StoragePollingSettings.of("invoices", "storage-events", "acme", KEYS);

        assertThat(settings.prefix()).isEmpty();
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.pathStyleAccess()).isTrue();
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.checkpointTopic()).isEqualTo("tributary.storage.checkpoints");
        assertThat(settings.pageSize()).isEqualTo(1000);
    }

    @Test
    void badPollingSettingsNameTheSettingAndWhatIsAllowed() {
        StoragePollingSettings settings = StoragePollingSettings.of("invoices", "storage-events", "acme", KEYS);

        assertThatThrownBy(() -> settings.withInterval(Duration.ofMillis(10)))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("interval: PT0.01S is too short");
        assertThatThrownBy(() -> settings.withEndpoint(URI.create("minio:9000")))
                .hasMessageStartingWith("endpoint: 'minio:9000' is not an http or https URL");
        assertThatThrownBy(() -> settings.withCheckpointTopic("storage-events"))
                .hasMessageStartingWith("checkpointTopic: 'storage-events' is also the events' topic");
        assertThatThrownBy(() -> settings.withPageSize(5000)).hasMessageStartingWith("pageSize: 5000 is out of range");
        assertThatThrownBy(() -> StoragePollingSettings.of("in voices", "t", "acme", KEYS))
                .hasMessageStartingWith("name: 'in voices' is not a valid storage source name");
        assertThatThrownBy(() -> StoragePollingSettings.of("invoices", "t", " ", KEYS))
                .hasMessageStartingWith("bucket: is blank");
    }

    @Test
    void anErrorCanBePlacedUnderItsPathInAConfigurationFile() {
        SettingsException e = new SettingsException("interval", "is too short");

        assertThat(e.under("ingest.storage[1]")).hasMessage("ingest.storage[1].interval: is too short");
    }

    @Test
    void credentialsDoNotShowTheirSecrets() {
        assertThat(new S3Credentials("AKIA123", "very-secret", java.util.Optional.of("token-xyz")).toString())
                .contains("AKIA123").doesNotContain("very-secret").doesNotContain("token-xyz");
    }

    @Test
    void webhookAndDirectoryDefaults() {
        StorageWebhookSettings webhook = StorageWebhookSettings.of("uploads", "storage-events");
        DirectoryWatchSettings directory = DirectoryWatchSettings.of("dev-files", "files", Path.of("inbox"));

        assertThat(webhook.dedup()).isEqualTo(new DedupSettings(Duration.ofMinutes(10), 100_000));
        assertThat(webhook.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(directory.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(directory.reportExisting()).isFalse();
        assertThatThrownBy(() -> new DedupSettings(Duration.ofMinutes(-1), 10))
                .hasMessageStartingWith("window: PT-1M is negative");
    }
}
