package dev.tributary.ingest.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.ingest.cron.CronIngest;
import dev.tributary.ingest.cron.CronSchedule;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** A tick's CloudEvent attributes, data and Kafka record. */
class TickEventsTest {

    private static final CronSchedule NIGHTLY = CronSchedule.of("nightly", "30 2 * * *", "reports")
            .inZone(ZoneId.of("Europe/Berlin")).withData("{\"report\":\"sales\",\"days\":[1,7]}");
    private static final CronSchedule PLAIN = CronSchedule.of("plain", "* * * * *", "ticks");
    private static final Instant SCHEDULED = Instant.parse("2026-03-28T01:30:00Z");
    private static final Instant FIRED = Instant.parse("2026-03-28T01:30:00.012345Z");

    private final TickEvents events = new TickEvents(List.of(NIGHTLY, PLAIN));
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theIdNamesTheScheduleAndTheScheduledTimeInUtc() {
        assertThat(TickEvents.id("nightly", SCHEDULED)).isEqualTo("cron:nightly:2026-03-28T01:30:00Z");
        assertThat(TickEvents.id("x", Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("cron:x:2026-01-01T00:00:00Z");
    }

    @Test
    void aTickHasTheCronAttributes() {
        CloudEvent event = events.event("nightly", SCHEDULED, FIRED);

        assertThat(event.getId()).isEqualTo("cron:nightly:2026-03-28T01:30:00Z");
        assertThat(event.getType()).isEqualTo("dev.tributary.cron.tick").isEqualTo(CronIngest.TICK_TYPE);
        assertThat(event.getSource()).isEqualTo(URI.create("/tributary/cron/nightly"));
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2026-03-28T01:30:00Z"));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtension("partitionkey")).isEqualTo("nightly");
    }

    @Test
    void theDataHoldsTheCronTickFieldsAndTheStaticData() throws Exception {
        JsonNode data = mapper.readTree(events.event("nightly", SCHEDULED, FIRED).getData().toBytes());

        assertThat(data.get("schedule").asText()).isEqualTo("nightly");
        assertThat(data.get("scheduledTime").asText()).isEqualTo("2026-03-28T01:30:00Z");
        assertThat(data.get("firedTime").asText()).isEqualTo("2026-03-28T01:30:00.012Z");
        assertThat(data.get("data")).isEqualTo(mapper.readTree("{\"report\":\"sales\",\"days\":[1,7]}"));
    }

    @Test
    void aScheduleWithoutStaticDataHasNoDataMember() throws Exception {
        JsonNode data = mapper.readTree(events.event("plain", SCHEDULED, FIRED).getData().toBytes());

        assertThat(data.has("data")).isFalse();
        assertThat(data.size()).isEqualTo(3);
    }

    @Test
    void theRecordIsBinaryModeOnTheSchedulesTopicKeyedByTheScheduleName() {
        ProducerRecord<byte[], byte[]> record = events.record(NIGHTLY, SCHEDULED, FIRED);

        assertThat(record.topic()).isEqualTo("reports");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("nightly");
        assertThat(header(record, "ce_id")).isEqualTo("cron:nightly:2026-03-28T01:30:00Z");
        assertThat(header(record, "ce_type")).isEqualTo("dev.tributary.cron.tick");
        assertThat(header(record, "ce_source")).isEqualTo("/tributary/cron/nightly");
        assertThat(header(record, "content-type")).isEqualTo("application/json");

        KafkaEvent decoded = new KafkaEventCodec().decode(new ConsumerRecord<>("reports", 0, 7L, 0L,
                TimestampType.CREATE_TIME, 0, 0, record.key(), record.value(), new RecordHeaders(record.headers().toArray()),
                Optional.empty()));
        assertThat(decoded.contentMode()).isEqualTo(KafkaEvent.ContentMode.BINARY);
        assertThat(decoded.cloudEvent().getId()).isEqualTo("cron:nightly:2026-03-28T01:30:00Z");
        assertThat(decoded.cloudEvent().getTime()).isEqualTo(OffsetDateTime.parse("2026-03-28T01:30:00Z"));
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
