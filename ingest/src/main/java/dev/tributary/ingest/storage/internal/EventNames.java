package dev.tributary.ingest.storage.internal;

import dev.tributary.schemas.StorageEventKind;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What S3 and MinIO event names mean for an object. AWS writes {@code ObjectCreated:Put}, MinIO
 * {@code s3:ObjectCreated:Put}; both are read alike.
 *
 * <p>A notification cannot tell a new key from an overwritten one: S3 reports both as {@code ObjectCreated}, so
 * both are {@link StorageEventKind#CREATED} here. Only polling tells them apart.
 */
final class EventNames {

    /** {@code ObjectCreated:Put}, {@code LifecycleTransition}, {@code ObjectRestore:Post}, ... */
    private static final Pattern NAME = Pattern.compile("[A-Za-z]+(:[A-Za-z]+)*");

    /** ObjectCreated events that change content; MinIO also files retention, legal holds and tagging there. */
    private static final Set<String> CREATING = Set.of("ObjectCreated:Put", "ObjectCreated:Post",
            "ObjectCreated:Copy", "ObjectCreated:CompleteMultipartUpload");

    private EventNames() {
    }

    /** The name without MinIO's {@code s3:} prefix, or empty when it is not an event name at all. */
    static Optional<String> normalize(String eventName) {
        String name = eventName.startsWith("s3:") ? eventName.substring(3) : eventName;
        return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    /** What a normalized event name means for the object; empty when it does not change its content. */
    static Optional<StorageEventKind> kind(String name) {
        if (CREATING.contains(name)) {
            return Optional.of(StorageEventKind.CREATED);
        }
        if ((name.startsWith("ObjectRemoved:") && !name.equals("ObjectRemoved:NoOP"))
                || name.startsWith("LifecycleExpiration:")) {
            return Optional.of(StorageEventKind.DELETED);
        }
        return Optional.empty();
    }
}
