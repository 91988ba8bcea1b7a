package dev.tributary.ingest.cron.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.ingest.cron.CronSchedule;
import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The CloudEvent of a tick and its Kafka record. The id depends only on the schedule and the scheduled time, so a
 * tick written twice (an aborted transaction seen by a {@code read_uncommitted} consumer) is recognisably the same
 * tick. Thread-safe.
 */
public final class TickEvents {

    public static final String TYPE = "dev.tributary.cron.tick";
    public static final String SOURCE_PREFIX = "/tributary/cron/";
    public static final String CONTENT_TYPE = "application/json";

    private final ObjectMapper mapper = new ObjectMapper();
    private final KafkaEventCodec codec = new KafkaEventCodec();
    private final Map<String, Optional<JsonNode>> staticData = new HashMap<>();

    public TickEvents(List<CronSchedule> schedules) {
        schedules.forEach(schedule -> staticData.put(schedule.name(),
                schedule.data().map(json -> StaticData.parse("data", json))));
    }

    /** {@code cron:<schedule>:<scheduled time, ISO-8601 UTC>}, e.g. {@code cron:nightly:2026-03-29T01:00:00Z}. */
    public static String id(String schedule, Instant scheduledTime) {
        return "cron:" + schedule + ":" + iso(scheduledTime);
    }

    /** The tick of {@code schedule} for {@code scheduledTime}, fired at {@code firedTime}. */
    public CloudEvent event(String schedule, Instant scheduledTime, Instant firedTime) {
        return CloudEventBuilder.v1()
                .withId(id(schedule, scheduledTime))
                .withSource(URI.create(SOURCE_PREFIX + schedule))
                .withType(TYPE)
                .withTime(OffsetDateTime.ofInstant(scheduledTime, ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withExtension(KafkaEventCodec.PARTITION_KEY, schedule)
                .withData(data(schedule, scheduledTime, firedTime))
                .build();
    }

    /** The binary-mode record of the tick for the schedule's topic, keyed by the schedule name. */
    public ProducerRecord<byte[], byte[]> record(CronSchedule schedule, Instant scheduledTime, Instant firedTime) {
        return record(schedule.topic(), event(schedule.name(), scheduledTime, firedTime));
    }

    /** The binary-mode record of a tick made by {@link #event}, keyed by its schedule name. */
    public ProducerRecord<byte[], byte[]> record(String topic, CloudEvent tick) {
        return codec.encode(topic, tick);
    }

    /** The CronTick fields as JSON, times in ISO-8601 UTC, and the schedule's static data when it has some. */
    private byte[] data(String schedule, Instant scheduledTime, Instant firedTime) {
        ObjectNode data = mapper.createObjectNode()
                .put("schedule", schedule)
                .put("scheduledTime", iso(scheduledTime))
                .put("firedTime", iso(firedTime.truncatedTo(ChronoUnit.MILLIS)));
        Optional<JsonNode> extra = staticData.getOrDefault(schedule, Optional.empty());
        extra.ifPresent(json -> data.set("data", json));
        try {
            return mapper.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings cannot fail to serialize: " + e.getMessage(), e);
        }
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
