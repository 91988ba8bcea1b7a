package dev.tributary.ingest.storage.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.ingest.storage.StorageEvents;
import dev.tributary.schemas.StorageEventKind;
import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The CloudEvents of one source's object changes (see {@link StorageEvents} for their shape). Ids are name-based
 * UUIDs of the source and the change's identity, so the same change seen twice, a redelivered notification or a
 * change published again after a crash, carries the same id and consumers can drop the copy. Thread-safe.
 */
public final class ObjectEvents {

    private static final char SEPARATOR = '\u0000';

    private final ObjectMapper mapper = new ObjectMapper();
    private final String name;
    private final URI source;

    public ObjectEvents(String sourceName) {
        this.name = sourceName;
        this.source = StorageEvents.source(sourceName);
    }

    /**
     * The event of one change.
     *
     * @param identity what makes the change itself, such as bucket, key, kind and ETag; hashed into the id
     * @param size     bytes after the change, 0 for a deletion
     * @param etag     the ETag after the change without quotes, empty for a deletion
     * @param time     when the store made the change
     */
    public CloudEvent event(List<String> identity, String bucket, String key, StorageEventKind kind, long size,
                            String etag, Instant time) {
        Instant millis = time.truncatedTo(ChronoUnit.MILLIS);
        return CloudEventBuilder.v1()
                .withId(id(identity))
                .withSource(source)
                .withType(StorageEvents.type(kind))
                .withSubject(key)
                .withTime(OffsetDateTime.ofInstant(millis, ZoneOffset.UTC))
                .withDataContentType(StorageEvents.CONTENT_TYPE)
                .withExtension(KafkaEventCodec.PARTITION_KEY, key)
                .withData(data(bucket, key, kind, size, etag, millis))
                .build();
    }

    /** The event of a change a listing found in {@code bucket}; a deletion is dated {@code noticedAt}. */
    public CloudEvent event(String bucket, Change change, Instant noticedAt) {
        ObjectVersion version = change.version();
        List<String> identity = List.of(bucket, change.key(), change.kind().name(), version.etag(),
                Long.toString(version.lastModified().toEpochMilli()));
        return change.kind() == StorageEventKind.DELETED
                ? event(identity, bucket, change.key(), change.kind(), 0, "", noticedAt)
                : event(identity, bucket, change.key(), change.kind(), version.size(), version.etag(),
                        version.lastModified());
    }

    private String id(List<String> identity) {
        StringBuilder text = new StringBuilder(name);
        for (String part : identity) {
            text.append(SEPARATOR).append(part);
        }
        return UUID.nameUUIDFromBytes(text.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The StorageObjectEvent fields as JSON, the time in ISO-8601 UTC as the other ingest adapters write times. */
    private byte[] data(String bucket, String key, StorageEventKind kind, long size, String etag, Instant time) {
        ObjectNode data = mapper.createObjectNode()
                .put("bucket", bucket)
                .put("key", key)
                .put("size", size)
                .put("etag", etag)
                .put("kind", kind.name())
                .put("time", DateTimeFormatter.ISO_INSTANT.format(time));
        try {
            return mapper.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers cannot fail to serialize", e);
        }
    }
}
