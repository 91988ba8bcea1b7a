package dev.tributary.ingest.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.ingest.publish.PublishException;
import dev.tributary.ingest.storage.PollOutcome;
import dev.tributary.ingest.storage.RecordingPublisher;
import dev.tributary.ingest.storage.SettableClock;
import dev.tributary.ingest.storage.StorageMetrics;
import dev.tributary.ingest.storage.StoragePollException;
import dev.tributary.schemas.StorageEventKind;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The poll cycle with an in-memory store, checkpoint and publisher: what a crash between publishing and
 * checkpointing costs, and what a clean restart costs.
 */
class SnapshotPollerTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    private final SortedMap<String, ObjectVersion> store = new TreeMap<>();
    private final MemoryCheckpoint checkpoint = new MemoryCheckpoint();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final SettableClock clock = new SettableClock(T0);

    @Test
    void aCrashAfterPublishingAndBeforeCheckpointingPublishesTheSameEventsAgainNeverLosesThem() {
        SnapshotPoller first = poller(10);
        store.put("a.txt", version("etag-a", 1));
        checkpoint.failSaves = true;

        assertThatThrownBy(first::poll).isInstanceOf(StoragePollException.class);
        assertThat(publisher.events()).as("published before the checkpoint failed").hasSize(1);

        // The process dies here; a new poller starts from the checkpoint, which never recorded a.txt.
        checkpoint.failSaves = false;
        SnapshotPoller restarted = poller(10);
        assertThat(restarted.poll()).isEqualTo(new PollOutcome(1, 1, 0, 0));

        List<CloudEvent> events = publisher.events();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getId()).as("the repeat carries the same id").isEqualTo(events.get(0).getId());
        assertThat(checkpoint.versions).containsOnlyKeys("a.txt");
    }

    @Test
    void aFailedPublishLeavesTheCheckpointBehindSoTheNextPollPublishesTheChange() {
        SnapshotPoller poller = poller(10);
        store.put("a.txt", version("etag-a", 1));
        publisher.failWith(PublishException.Reason.BUSY);

        assertThatThrownBy(poller::poll).isInstanceOf(StoragePollException.class)
                .hasMessageContaining("BUSY").hasMessageContaining("the next poll publishes them again");
        assertThat(checkpoint.versions).isEmpty();

        publisher.recover();
        assertThat(poller.poll().created()).isEqualTo(1);
        assertThat(checkpoint.versions).containsOnlyKeys("a.txt");
    }

    @Test
    void aCleanRestartOnTheCheckpointPublishesOnlyWhatChangedSince() {
        store.put("a.txt", version("etag-a", 1));
        store.put("b.txt", version("etag-b", 1));
        poller(10).poll();

        store.put("a.txt", version("etag-a2", 2));
        store.remove("b.txt");
        store.put("c.txt", version("etag-c", 2));
        PollOutcome afterRestart = poller(10).poll();

        assertThat(afterRestart).isEqualTo(new PollOutcome(2, 1, 1, 1));
        assertThat(kinds()).containsExactly("CREATED a.txt", "CREATED b.txt", "UPDATED a.txt", "CREATED c.txt",
                "DELETED b.txt");
    }

    @Test
    void changesArePublishedAndCheckpointedChunkByChunkSoAFailureKeepsTheChunksBeforeIt() {
        for (int i = 0; i < 5; i++) {
            store.put("k" + i, version("e" + i, 1));
        }
        SnapshotPoller poller = poller(2);
        checkpoint.failAfterSaves = 2;

        assertThatThrownBy(poller::poll).isInstanceOf(StoragePollException.class);
        assertThat(checkpoint.versions).containsOnlyKeys("k0", "k1", "k2", "k3");
        assertThat(publisher.events()).hasSize(5);

        checkpoint.failAfterSaves = Integer.MAX_VALUE;
        assertThat(poller.poll()).as("only the last chunk again").isEqualTo(new PollOutcome(5, 1, 0, 0));
        assertThat(checkpoint.saves).containsExactly(2, 2, 1);
    }

    @Test
    void onlyTheEtagDecidesAChangeNotTheModificationTime() {
        store.put("a.txt", version("etag-a", 1));
        SnapshotPoller poller = poller(10);
        poller.poll();

        store.put("a.txt", new ObjectVersion("etag-a", 1, T0.plusSeconds(60)));

        assertThat(poller.poll().changes()).isZero();
    }

    private SnapshotPoller poller(int chunkSize) {
        ObjectLister lister = new ObjectLister() {
            @Override
            public SortedMap<String, ObjectVersion> list() {
                return new TreeMap<>(store);
            }

            @Override
            public String describe() {
                return "s3://bucket/";
            }
        };
        return new SnapshotPoller("bucket", "events", lister, checkpoint, publisher, new ObjectEvents("test"),
                StorageMetrics.noop().source("test", StorageMetrics.Mode.POLLING), clock, checkpoint.load(),
                chunkSize);
    }

    private List<String> kinds() {
        return publisher.events().stream().map(event -> kind(event) + " " + event.getSubject()).toList();
    }

    private static String kind(CloudEvent event) {
        String type = event.getType();
        return StorageEventKind.valueOf(type.substring(type.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT)).name();
    }

    private static ObjectVersion version(String etag, long size) {
        return new ObjectVersion(etag, size, T0);
    }

    /** A checkpoint in memory that fails when told to. */
    private static final class MemoryCheckpoint implements CheckpointStore {

        final SortedMap<String, ObjectVersion> versions = new TreeMap<>();
        final List<Integer> saves = new ArrayList<>();
        boolean failSaves;
        int failAfterSaves = Integer.MAX_VALUE;

        @Override
        public SortedMap<String, ObjectVersion> load() {
            return new TreeMap<>(versions);
        }

        @Override
        public void save(List<Change> changes) {
            if (failSaves || saves.size() >= failAfterSaves) {
                throw new StoragePollException("the checkpoint failed as the test asked", null);
            }
            saves.add(changes.size());
            for (Change change : changes) {
                if (change.kind() == StorageEventKind.DELETED) {
                    versions.remove(change.key());
                } else {
                    versions.put(change.key(), change.version());
                }
            }
        }

        @Override
        public void close() {
        }
    }
}
