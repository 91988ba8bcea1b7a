package dev.tributary.ingest.storage.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The checkpoint records of one poller in the compacted checkpoint topic: one record per object, so a poll writes
 * only what changed and compaction keeps the latest version of each object.
 *
 * <ul>
 *   <li>key: the JSON array {@code [name, bucket, prefix, objectKey]}; the poller's name, bucket and prefix are its
 *       scope, so pollers can share the topic, and changing any of them starts a new checkpoint;</li>
 *   <li>value: {@code {"etag": "...", "size": 12, "lastModified": "2026-01-01T10:00:00Z"}}, the version last
 *       published;</li>
 *   <li>a deleted object: a tombstone (no value), which compaction eventually removes.</li>
 * </ul>
 * Thread-safe.
 */
public final class CheckpointRecords {

    private final ObjectMapper mapper = new ObjectMapper();
    private final String name;
    private final String bucket;
    private final String prefix;

    public CheckpointRecords(String name, String bucket, String prefix) {
        this.name = name;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    public byte[] key(String objectKey) {
        ArrayNode key = mapper.createArrayNode().add(name).add(bucket).add(prefix).add(objectKey);
        return write(key);
    }

    /** The value of a version; a deletion has none. */
    public byte[] value(ObjectVersion version) {
        ObjectNode value = mapper.createObjectNode()
                .put("etag", version.etag())
                .put("size", version.size())
                .put("lastModified", DateTimeFormatter.ISO_INSTANT.format(version.lastModified()));
        return write(value);
    }

    /**
     * The object key of a record of this poller's scope; empty for another poller's record, and for one that is not
     * a checkpoint record at all.
     */
    public Optional<String> objectKey(byte[] key) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            JsonNode parts = mapper.readTree(key);
            if (parts == null || !parts.isArray() || parts.size() != 4 || !parts.get(3).isTextual()
                    || !name.equals(parts.get(0).asText()) || !bucket.equals(parts.get(1).asText())
                    || !prefix.equals(parts.get(2).asText())) {
                return Optional.empty();
            }
            return Optional.of(parts.get(3).asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The version a value holds.
     *
     * @throws IllegalArgumentException when it is not a checkpoint value
     */
    public ObjectVersion version(byte[] value) {
        try {
            JsonNode json = mapper.readTree(value);
            if (json == null || !json.path("etag").isTextual() || !json.path("size").canConvertToLong()
                    || !json.path("lastModified").isTextual()) {
                throw new IllegalArgumentException("not a checkpoint value {\"etag\",\"size\",\"lastModified\"}");
            }
            return new ObjectVersion(json.get("etag").asText(), json.get("size").asLong(),
                    Instant.parse(json.get("lastModified").asText()));
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a checkpoint value: " + e.getMessage(), e);
        }
    }

    private byte[] write(JsonNode json) {
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers cannot fail to serialize", e);
        }
    }
}
