package dev.tributary.ingest.storage.internal;

import dev.tributary.schemas.StorageEventKind;
import java.util.Objects;

/**
 * One object's change between two listings.
 *
 * @param key     the object key
 * @param kind    what happened
 * @param version the version after the change; for a deletion, the last version seen before it
 */
public record Change(String key, StorageEventKind kind, ObjectVersion version) {

    public Change {
        Objects.requireNonNull(key, "key of a change");
        Objects.requireNonNull(kind, "kind of a change");
        Objects.requireNonNull(version, "version of a change");
    }
}
