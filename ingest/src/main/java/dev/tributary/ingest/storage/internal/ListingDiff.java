package dev.tributary.ingest.storage.internal;

import dev.tributary.schemas.StorageEventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The changes between two listings, compared by key and ETag. */
public final class ListingDiff {

    private ListingDiff() {
    }

    /**
     * Created and updated objects in key order, then deleted ones in key order. An object whose ETag is unchanged is
     * no change, whatever its modification time says.
     */
    public static List<Change> between(SortedMap<String, ObjectVersion> before, SortedMap<String, ObjectVersion> after) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, ObjectVersion> entry : after.entrySet()) {
            ObjectVersion previous = before.get(entry.getKey());
            if (previous == null) {
                changes.add(new Change(entry.getKey(), StorageEventKind.CREATED, entry.getValue()));
            } else if (!previous.etag().equals(entry.getValue().etag())) {
                changes.add(new Change(entry.getKey(), StorageEventKind.UPDATED, entry.getValue()));
            }
        }
        for (Map.Entry<String, ObjectVersion> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                changes.add(new Change(entry.getKey(), StorageEventKind.DELETED, entry.getValue()));
            }
        }
        return changes;
    }
}
