package dev.tributary.ingest.storage;

import dev.tributary.schemas.StorageEventKind;
import java.net.URI;
import java.util.Objects;

/**
 * What the storage adapter's events look like, for subscriptions that filter on them. Every mode writes the same
 * shape:
 *
 * <table>
 *   <caption>Attributes of a storage event</caption>
 *   <tr><th>attribute</th><th>value</th></tr>
 *   <tr><td>{@code type}</td><td>{@value #CREATED}, {@value #UPDATED} or {@value #DELETED}</td></tr>
 *   <tr><td>{@code source}</td><td>{@code /tributary/storage/<name>}</td></tr>
 *   <tr><td>{@code subject}, {@code partitionkey}</td><td>the object key (so the record key too)</td></tr>
 *   <tr><td>{@code time}</td><td>when the store changed the object; for a deletion found by polling, when the
 *       poll noticed it</td></tr>
 *   <tr><td>{@code id}</td><td>a name-based UUID of the change's identity: a redelivered notification or a change
 *       published again after a crash keeps its id</td></tr>
 *   <tr><td>{@code datacontenttype}</td><td>{@value #CONTENT_TYPE}: the {@code StorageObjectEvent} fields
 *       {@code bucket}, {@code key}, {@code size}, {@code etag}, {@code kind} and {@code time} (ISO-8601 UTC)</td></tr>
 * </table>
 */
public final class StorageEvents {

    public static final String CREATED = "dev.tributary.storage.object.created";
    public static final String UPDATED = "dev.tributary.storage.object.updated";
    public static final String DELETED = "dev.tributary.storage.object.deleted";
    public static final String SOURCE_PREFIX = "/tributary/storage/";
    public static final String CONTENT_TYPE = "application/json";

    private StorageEvents() {
    }

    /** The CloudEvents type of a change of {@code kind}. */
    public static String type(StorageEventKind kind) {
        return switch (Objects.requireNonNull(kind, "kind of the change")) {
            case CREATED -> CREATED;
            case UPDATED -> UPDATED;
            case DELETED -> DELETED;
        };
    }

    /** The CloudEvents source of the events of the source named {@code name}. */
    public static URI source(String name) {
        return URI.create(SOURCE_PREFIX + Objects.requireNonNull(name, "name of the source"));
    }
}
