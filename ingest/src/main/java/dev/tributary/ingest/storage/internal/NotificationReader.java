package dev.tributary.ingest.storage.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tributary.schemas.StorageEventKind;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads S3 and MinIO bucket notifications: a JSON object whose {@code Records} array holds one record per event, in
 * the format S3 sends to SQS, SNS and Lambda and MinIO posts to webhooks (MinIO adds top-level {@code EventName} and
 * {@code Key}, which are not needed). S3's test event, sent when notifications are configured, holds no records.
 *
 * <p>Every record is checked before any is published, so a body is taken whole or refused whole, naming the first
 * field at fault. Read per record: {@code eventName}, {@code eventTime}, {@code s3.bucket.name},
 * {@code s3.object.key} (URL-encoded, as S3 sends it), and for created objects {@code s3.object.size} and
 * {@code s3.object.eTag}; {@code s3.object.versionId} and {@code s3.object.sequencer} when present. Thread-safe.
 */
public final class NotificationReader {

    private static final String EXPECTED = "send an S3 or MinIO bucket notification, {\"Records\": [...]}";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * The records of a notification, in their order; empty for S3's test event.
     *
     * @throws MalformedNotificationException naming the field at fault
     */
    public List<Notification> read(byte[] body) {
        JsonNode root = parse(body);
        if (!root.has("Records") && root.path("Event").asText().equals("s3:TestEvent")) {
            return List.of();
        }
        JsonNode records = root.get("Records");
        if (records == null) {
            throw new MalformedNotificationException("Records", "is missing; " + EXPECTED);
        }
        if (!records.isArray()) {
            throw new MalformedNotificationException("Records", "is " + describe(records) + ", not an array; "
                    + EXPECTED);
        }
        List<Notification> notifications = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            notifications.add(record(records.get(i), "Records[" + i + "]"));
        }
        return notifications;
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedNotificationException("body", "is empty; " + EXPECTED);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new MalformedNotificationException("body", "is not JSON" + where + ": " + e.getOriginalMessage()
                    + "; " + EXPECTED);
        } catch (IOException e) {
            throw new MalformedNotificationException("body", "cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedNotificationException("body", "holds no JSON; " + EXPECTED);
        }
        if (!root.isObject()) {
            throw new MalformedNotificationException("body", "is " + describe(root) + ", not a JSON object; "
                    + EXPECTED);
        }
        return root;
    }

    private Notification record(JsonNode record, String path) {
        object(record, path);
        String eventName = text(record, path, "eventName");
        String name = EventNames.normalize(eventName).orElseThrow(() -> new MalformedNotificationException(
                path + ".eventName", "'" + eventName + "' is not an S3 event name, such as s3:ObjectCreated:Put or "
                        + "ObjectRemoved:Delete"));
        Instant time = time(record, path);
        JsonNode s3 = object(record.get("s3"), path + ".s3");
        JsonNode bucketNode = object(s3.get("bucket"), path + ".s3.bucket");
        String bucket = text(bucketNode, path + ".s3.bucket", "name");
        JsonNode object = object(s3.get("object"), path + ".s3.object");
        String key = key(object, path + ".s3.object");
        Optional<StorageEventKind> kind = EventNames.kind(name);
        boolean created = kind.equals(Optional.of(StorageEventKind.CREATED));
        long size = created ? size(object, path + ".s3.object") : 0;
        String etag = created ? ObjectVersion.unquote(text(object, path + ".s3.object", "eTag")) : "";
        String versionId = optionalText(object, "versionId");
        String sequencer = optionalText(object, "sequencer");
        // The sequencer orders the events of one key and is the same on each delivery of an event; stores that omit
        // it get the ETag and the event time instead.
        List<String> identity = sequencer.isEmpty()
                ? List.of(bucket, key, name, versionId, ObjectVersion.unquote(optionalText(object, "eTag")),
                        Long.toString(time.toEpochMilli()))
                : List.of(bucket, key, name, versionId, sequencer);
        return new Notification(name, kind, bucket, key, size, etag, time, identity);
    }

    private static Instant time(JsonNode record, String path) {
        String text = text(record, path, "eventTime");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedNotificationException(path + ".eventTime", "'" + text + "' is not an ISO-8601 time "
                    + "such as 2024-05-01T12:00:00.000Z");
        }
    }

    private static String key(JsonNode object, String path) {
        String encoded = text(object, path, "key");
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedNotificationException(path + ".key", "'" + encoded + "' is not URL-encoded as S3 "
                    + "sends keys (" + e.getMessage() + ")");
        }
    }

    private static long size(JsonNode object, String path) {
        JsonNode size = object.get("size");
        if (size == null) {
            throw new MalformedNotificationException(path + ".size", "is missing; a created object's size in bytes");
        }
        if (!size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
            throw new MalformedNotificationException(path + ".size", "is " + describe(size) + ", not a size in "
                    + "bytes (a whole number of 0 or more)");
        }
        return size.asLong();
    }

    private static JsonNode object(JsonNode node, String path) {
        if (node == null) {
            throw new MalformedNotificationException(path, "is missing");
        }
        if (!node.isObject()) {
            throw new MalformedNotificationException(path, "is " + describe(node) + ", not an object");
        }
        return node;
    }

    private static String text(JsonNode parent, String path, String field) {
        JsonNode value = parent.get(field);
        if (value == null) {
            throw new MalformedNotificationException(path + "." + field, "is missing");
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new MalformedNotificationException(path + "." + field, "is " + describe(value)
                    + ", not a non-empty string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value != null && value.isTextual() ? value.asText() : "";
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "the number " + node.asText();
            case STRING -> node.asText().isEmpty() ? "an empty string" : "the string '" + abbreviate(node.asText()) + "'";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
