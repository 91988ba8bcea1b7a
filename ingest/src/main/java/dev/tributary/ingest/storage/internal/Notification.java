package dev.tributary.ingest.storage.internal;

import dev.tributary.schemas.StorageEventKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One record of a bucket notification.
 *
 * @param eventName the store's event name without the {@code s3:} prefix, such as {@code ObjectCreated:Put}
 * @param kind      what it means for the object; empty for events that do not change its content (reads,
 *                  tagging, restores, transitions), which are not published
 * @param bucket    the bucket
 * @param key       the object key, URL-decoded
 * @param size      bytes after the change; 0 for a deletion
 * @param etag      the ETag after the change, without quotes; empty for a deletion
 * @param time      when the store made the change
 * @param identity  what makes this notification itself, the same on every delivery of it: bucket, key, event name,
 *                  version id, and the store's sequencer (or, without one, the ETag and the event time)
 */
public record Notification(String eventName, Optional<StorageEventKind> kind, String bucket, String key, long size,
                           String etag, Instant time, List<String> identity) {

    public Notification {
        identity = List.copyOf(identity);
    }

    /** The identity as one string, for remembering it. */
    public String identityKey() {
        return String.join("\u0000", identity);
    }
}
