package dev.tributary.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.publish.PublishException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory watch on a real temporary directory, scans driven by the test, a publisher without Kafka. */
class DirectoryWatchTest {

    private static final String NOW = "2025-03-01T12:00:00Z";

    @TempDir
    Path directory;

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SettableClock clock = SettableClock.at(NOW);

    @Test
    void filesCreatedModifiedAndDeletedAreEachPublishedOnce() throws IOException {
        try (DirectoryWatch watch = open(settings())) {
            write("report.csv", "a,b\n1,2\n");
            write("nested/deeper/image.png", "not really a png");
            assertThat(watch.poll()).isEqualTo(new PollOutcome(2, 2, 0, 0));

            write("report.csv", "a,b\n1,2\n3,4\n");
            assertThat(watch.poll()).isEqualTo(new PollOutcome(2, 0, 1, 0));

            Files.delete(directory.resolve("nested/deeper/image.png"));
            assertThat(watch.poll()).isEqualTo(new PollOutcome(1, 0, 0, 1));

            assertThat(watch.poll()).as("a scan without changes").isEqualTo(new PollOutcome(1, 0, 0, 0));
        }

        List<ReceivedEvent> events = received();
        assertThat(events).extracting(ReceivedEvent::summary).containsExactly(
                "created nested/deeper/image.png", "created report.csv", "updated report.csv",
                "deleted nested/deeper/image.png");
        ReceivedEvent updated = events.get(2);
        assertThat(updated.data().get("bucket").asText()).isEqualTo(directory.toAbsolutePath().normalize().toString());
        assertThat(updated.data().get("etag").asText()).isEqualTo(md5("a,b\n1,2\n3,4\n"));
        assertThat(updated.data().get("size").asLong()).isEqualTo(12);
        assertThat(updated.event().getSource()).hasToString("/tributary/storage/dev-files");
        assertThat(updated.recordKey()).isEqualTo("report.csv");
        assertThat(events.get(3).event().getTime()).as("a deletion is dated when the scan noticed it")
                .isEqualTo(OffsetDateTime.parse(NOW));
        assertThat(registry.get(StorageMetrics.EVENTS).tag(StorageMetrics.TAG_MODE, "directory")
                .tag(StorageMetrics.TAG_KIND, "created").counter().count()).isEqualTo(2);
        assertThat(registry.get(StorageMetrics.POLL_DURATION).tag(StorageMetrics.TAG_OUTCOME, "success").timer()
                .count()).isEqualTo(4);
    }

    @Test
    void aRewriteWithTheSameLengthWithinTheSameTimestampTickIsStillNoticed() throws IOException {
        Path file = write("same-size.txt", "aaaa");
        FileTime written = Files.getLastModifiedTime(file);
        // The first scan runs within the file's timestamp tick, as a scan right after a write does.
        SettableClock justAfter = new SettableClock(written.toInstant().plusMillis(10));
        try (DirectoryWatch watch = DirectoryWatch.open(settings().withReportExisting(true), publisher, registry,
                justAfter)) {
            assertThat(watch.poll().created()).isEqualTo(1);

            write("same-size.txt", "bbbb");
            Files.setLastModifiedTime(file, written);
            justAfter.advance(Duration.ofSeconds(1));

            assertThat(watch.poll().updated()).isEqualTo(1);
        }
        assertThat(received().get(1).data().get("etag").asText()).isEqualTo(md5("bbbb"));
    }

    @Test
    void touchingAFileWithoutChangingItsContentIsNoChange() throws IOException {
        try (DirectoryWatch watch = open(settings())) {
            Path file = write("same.txt", "same content");
            watch.poll();

            Files.setLastModifiedTime(file, FileTime.fromMillis(1_000));

            assertThat(watch.poll().changes()).isZero();
        }
    }

    @Test
    void filesPresentAtStartAreTheBaselineUnlessTheyAreToBeReported() throws IOException {
        write("existing.txt", "here before the watch");

        try (DirectoryWatch quiet = open(settings())) {
            assertThat(quiet.poll().changes()).isZero();
        }
        try (DirectoryWatch reporting = open(settings().withReportExisting(true))) {
            assertThat(reporting.poll().created()).isEqualTo(1);
        }
        assertThat(received()).extracting(ReceivedEvent::summary).containsExactly("created existing.txt");
    }

    @Test
    void aFailedPublishIsRetriedByTheNextScan() throws IOException {
        try (DirectoryWatch watch = open(settings())) {
            write("late.txt", "waiting for Kafka");
            publisher.failWith(PublishException.Reason.UNAVAILABLE);

            assertThatThrownBy(watch::poll).isInstanceOf(StoragePollException.class)
                    .hasMessageContaining("UNAVAILABLE").hasMessageContaining("the next poll publishes them again");

            publisher.recover();
            assertThat(watch.poll().created()).isEqualTo(1);
        }
        assertThat(received()).extracting(ReceivedEvent::summary).containsExactly("created late.txt");
        assertThat(registry.get(StorageMetrics.POLL_DURATION).tag(StorageMetrics.TAG_OUTCOME, "failure").timer()
                .count()).isEqualTo(1);
    }

    @Test
    void startedItScansOnItsOwnEveryInterval() throws IOException {
        try (DirectoryWatch watch = DirectoryWatch.start(settings().withInterval(Duration.ofMillis(50)), publisher,
                registry, clock)) {
            write("dropped-in.txt", "hello");

            await("the scheduled scan").atMost(Duration.ofSeconds(10))
                    .until(() -> received().stream().map(ReceivedEvent::summary).toList(),
                            summaries -> summaries.contains("created dropped-in.txt"));
        }
    }

    @Test
    void aDirectoryThatDoesNotExistIsRefusedNamingTheSetting() {
        DirectoryWatchSettings missing = DirectoryWatchSettings.of("dev-files", "files", directory.resolve("nope"));

        assertThatThrownBy(() -> open(missing)).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("directory: '" + directory.resolve("nope").toAbsolutePath())
                .hasMessageContaining("is not an existing directory");
    }

    private DirectoryWatchSettings settings() {
        return DirectoryWatchSettings.of("dev-files", "files", directory);
    }

    private DirectoryWatch open(DirectoryWatchSettings settings) {
        return DirectoryWatch.open(settings, publisher, registry, clock);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private List<ReceivedEvent> received() {
        return publisher.events().stream().map(ReceivedEvent::of).toList();
    }

    private static String md5(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
