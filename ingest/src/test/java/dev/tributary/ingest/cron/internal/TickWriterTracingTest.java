package dev.tributary.ingest.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.cron.CronSchedule;
import dev.tributary.ingest.publish.internal.PublishSpans;
import dev.tributary.schemas.event.KafkaEventCodec;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each tick written starts a trace: a PRODUCER span that ends with the commit, and the tick carries it. */
class TickWriterTracingTest {

    private static final CronSchedule NIGHTLY = CronSchedule.of("nightly", "0 1 * * *", "ticks");
    private static final Instant FIRST = Instant.parse("2026-05-01T01:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-05-02T01:00:00Z");

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
            .build();
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final KafkaEventCodec codec = new KafkaEventCodec();

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void everyCommittedTickHasItsOwnTraceAndCarriesItsSpan() {
        try (TickWriter writer = new TickWriter(producer, new TickEvents(List.of(NIGHTLY)),
                new Checkpoints("tributary.cron"), PublishSpans.of(sdk))) {
            writer.init();
            writer.write(NIGHTLY, new TickPlan("nightly", List.of(FIRST, SECOND), 0, false, SECOND), SECOND);
        }

        List<SpanData> spans = exported.getFinishedSpanItems();
        assertThat(spans).hasSize(2).allSatisfy(span -> {
            assertThat(span.getName()).isEqualTo("publish ticks");
            assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(span.getParentSpanContext().isValid()).as("a tick is the root of its trace").isFalse();
            assertThat(span.getAttributes().get(AttributeKey.longKey("messaging.kafka.offset"))).isNotNull();
        });
        assertThat(spans.get(0).getTraceId()).isNotEqualTo(spans.get(1).getTraceId());
        List<ProducerRecord<byte[], byte[]>> ticks = producer.history().stream()
                .filter(record -> record.topic().equals("ticks")).toList();
        assertThat(ticks).hasSize(2);
        for (int i = 0; i < 2; i++) {
            SpanData span = spans.get(i);
            String flags = span.getSpanContext().getTraceFlags().asHex();
            assertThat(traceparentOf(ticks.get(i)))
                    .isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + flags);
        }
        assertThat(producer.transactionCommitted()).isTrue();
    }

    private String traceparentOf(ProducerRecord<byte[], byte[]> sent) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        return String.valueOf(codec.decode(record).cloudEvent().getExtension("traceparent"));
    }
}
