package dev.tributary.dispatcher.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.dispatcher.DeadLetterHeaders;
import dev.tributary.schemas.codec.DataCodecException;
import dev.tributary.schemas.event.MalformedEventException;
import dev.tributary.sdk.NonRetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

    private static final Instant NOW = Instant.parse("2024-05-02T00:00:00Z");

    private final AtomicInteger deadLettered = new AtomicInteger();
    private final DeadLetterHandler handler = handler();

    /** The record as the handler sees it, at a processor after the source of {@code topic}. */
    record Context(String topic, int partition, long offset, Headers headers, String processorNodeId, TaskId taskId,
                   long timestamp, byte[] sourceRawKey, byte[] sourceRawValue) implements ErrorHandlerContext {
    }

    private static Context at(String topic) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "r-7".getBytes(StandardCharsets.UTF_8));
        return new Context(topic, 2, 41, headers, "KSTREAM-PROCESSVALUES-0000000001", new TaskId(0, 2),
                NOW.minusSeconds(60).toEpochMilli(), "sensor-1".getBytes(StandardCharsets.UTF_8),
                "{not json".getBytes(StandardCharsets.UTF_8));
    }

    private DeadLetterHandler handler() {
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(DeadLetterRouting.CONFIG, new DeadLetterRouting("averages", Set.of("readings"),
                deadLettered::incrementAndGet, Clock.fixed(NOW, ZoneOffset.UTC))));
        return handler;
    }

    @Test
    void dataThatDoesNotDecodeGoesToTheSourcesDeadLetterTopicAsItWasReadAndProcessingResumes() {
        Response response = handler.handleError(at("readings"), new Record<>("sensor-1", null, 0),
                new DataCodecException("JSON codec cannot decode data of topic readings"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.topic()).isEqualTo("readings.averages.dlt");
            assertThat(deadLetter.key()).asString(StandardCharsets.UTF_8).isEqualTo("sensor-1");
            assertThat(deadLetter.value()).asString(StandardCharsets.UTF_8).isEqualTo("{not json");
            assertThat(header(deadLetter, "ce_id")).isEqualTo("r-7");
            assertThat(header(deadLetter, DeadLetterHeaders.TOPIC)).isEqualTo("readings");
            assertThat(header(deadLetter, DeadLetterHeaders.PARTITION)).isEqualTo("2");
            assertThat(header(deadLetter, DeadLetterHeaders.OFFSET)).isEqualTo("41");
            assertThat(header(deadLetter, DeadLetterHeaders.TIMESTAMP)).isEqualTo(NOW.minusSeconds(60).toString());
            assertThat(header(deadLetter, DeadLetterHeaders.FUNCTION)).isEqualTo("averages");
            assertThat(header(deadLetter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("0");
            assertThat(header(deadLetter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(DataCodecException.class.getName());
            assertThat(header(deadLetter, DeadLetterHeaders.LAST_FAILURE)).isEqualTo(NOW.toString());
        });
        assertThat(deadLettered).hasValue(1);
    }

    @Test
    void aMalformedEventOrAFinalFailureIsDeadLetteredToo() {
        Response malformed = handler.handleError(at("readings"), new Record<>("k", null, 0),
                new StreamsException(MalformedEventException.inHeader("ce_time", "time", "not a timestamp")));
        Response rejected = handler.handleError(at("readings"), new Record<>("k", null, 0),
                new NonRetryableException("negative readings are not allowed"));

        assertThat(malformed.result()).isEqualTo(Result.RESUME);
        assertThat(rejected.result()).isEqualTo(Result.RESUME);
        assertThat(header(rejected.deadLetterQueueRecords().get(0), DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(deadLettered).hasValue(2);
    }

    @Test
    void anyOtherErrorFailsTheFunction() {
        Response response = handler.handleError(at("readings"), new Record<>("k", null, 0),
                new IllegalStateException("a bug"));

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(deadLettered).hasValue(0);
    }

    @Test
    void aRecordPastTheSourceTopicsCannotBeDeadLetteredAndFailsTheFunction() {
        Response response = handler.handleError(at("tributary.averages-KSTREAM-REPARTITION-0000000003-repartition"),
                new Record<>("k", null, 0), new NonRetryableException("rejected after a repartition"));

        assertThat(response.result()).isEqualTo(Result.FAIL);
    }

    @Test
    void withoutItsRoutingTheHandlerRefusesToStartSayingWhoSetsIt() {
        assertThatThrownBy(() -> new DeadLetterHandler().configure(Map.of()))
                .hasMessageContaining(DeadLetterRouting.CONFIG).hasMessageContaining("StreamFunctionRunner");
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
