package dev.tributary.ingest.cron.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records of the coordination topic: key the schedule name, value
 * {@code {"handledThrough":"2026-03-29T01:00:00Z","writtenAt":"2026-03-29T01:00:00.012Z"}}. {@code handledThrough}
 * is the schedule's horizon: every fire time up to it has fired or been skipped by the misfire policy (for a
 * schedule first seen then, it is the moment it was first seen). The topic is compacted, so it keeps the latest
 * record of each schedule. Thread-safe.
 */
public final class Checkpoints {

    /** Leadership and checkpoints live on this one partition: the topic has no other. */
    public static final int PARTITION = 0;

    private final ObjectMapper mapper = new ObjectMapper();
    private final String topic;

    public Checkpoints(String topic) {
        this.topic = topic;
    }

    public ProducerRecord<byte[], byte[]> record(String schedule, Instant handledThrough, Instant writtenAt) {
        String value = mapper.createObjectNode()
                .put("handledThrough", DateTimeFormatter.ISO_INSTANT.format(handledThrough))
                .put("writtenAt", DateTimeFormatter.ISO_INSTANT.format(writtenAt))
                .toString();
        return new ProducerRecord<>(topic, PARTITION, schedule.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    /** The schedule name of a checkpoint record; empty for a record without a key, which is not one of ours. */
    public static Optional<String> schedule(ConsumerRecord<byte[], byte[]> record) {
        return Optional.ofNullable(record.key()).map(key -> new String(key, StandardCharsets.UTF_8));
    }

    /**
     * The horizon a checkpoint record holds; empty for a tombstone.
     *
     * @throws IllegalArgumentException when the value is not a checkpoint
     */
    public Optional<Instant> handledThrough(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            JsonNode value = mapper.readTree(record.value());
            JsonNode handledThrough = value == null ? null : value.get("handledThrough");
            if (handledThrough == null || !handledThrough.isTextual()) {
                throw new IllegalArgumentException("it has no handledThrough time");
            }
            return Optional.of(Instant.parse(handledThrough.asText()));
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
