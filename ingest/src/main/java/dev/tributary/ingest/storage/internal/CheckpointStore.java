package dev.tributary.ingest.storage.internal;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Where a poller keeps what it has published, so that a restart continues instead of starting over. */
public interface CheckpointStore extends AutoCloseable {

    /** The versions published before, by key; empty for a poller that never ran. */
    SortedMap<String, ObjectVersion> load();

    /**
     * Records changes whose events Kafka has acknowledged; returns once the checkpoint is durable.
     *
     * @throws dev.tributary.ingest.storage.StoragePollException when it cannot be written
     */
    void save(List<Change> changes);

    @Override
    void close();

    /** No checkpoint: a poller that starts from what it finds, as the directory watch does. */
    static CheckpointStore none() {
        return new CheckpointStore() {
            @Override
            public SortedMap<String, ObjectVersion> load() {
                return new TreeMap<>();
            }

            @Override
            public void save(List<Change> changes) {
            }

            @Override
            public void close() {
            }
        };
    }
}
