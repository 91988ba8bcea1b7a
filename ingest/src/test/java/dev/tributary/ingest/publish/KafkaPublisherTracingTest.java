package dev.tributary.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.internal.PublishSpans;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The PRODUCER span of every published event: a child of the trace context the event came with, carried on to Kafka
 * in place of it, and ended with where Kafka stored the event or why it did not.
 */
class KafkaPublisherTracingTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PARENT_ID = "b7ad6b7169203331";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();
    private KafkaPublisher publisher;

    @AfterEach
    void close() {
        if (publisher != null) {
            publisher.close();
        }
        sdk.close();
    }

    private KafkaPublisher start(PublishSpans publishSpans) {
        publisher = KafkaPublisher.start(
                PublisherSettings.forBootstrapServers("127.0.0.1:9").withDeliveryTimeout(Duration.ofSeconds(30)),
                producer, timeout -> CompletableFuture.completedStage(null), () -> { },
                IngestMetrics.create(new SimpleMeterRegistry()), Clock.systemUTC(), publishSpans);
        return publisher;
    }

    private static CloudEvent event(String id, String traceparent) {
        CloudEventBuilder builder = CloudEventBuilder.v1().withId(id).withSource(URI.create("/test"))
                .withType("com.example.order").withData("text/plain", id.getBytes(StandardCharsets.UTF_8));
        return traceparent == null ? builder.build()
                : builder.withExtension("traceparent", traceparent).withExtension("tracestate", "vendor=1").build();
    }

    private ProducerRecord<byte[], byte[]> sentRecord() {
        await().atMost(WAIT).until(() -> producer.history().size() == 1);
        return producer.history().getFirst();
    }

    private SpanData finishedSpan() {
        await().atMost(WAIT).until(() -> spans.getFinishedSpanItems().size() == 1);
        return spans.getFinishedSpanItems().getFirst();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void anEventsSpanIsAChildOfItsTraceContextAndTheRecordCarriesTheSpanOn() {
        start(PublishSpans.of(sdk));

        publisher.publish("orders", event("e-1", TRACEPARENT));
        ProducerRecord<byte[], byte[]> record = sentRecord();
        producer.completeNext();
        SpanData span = finishedSpan();

        assertThat(span.getName()).isEqualTo("publish orders");
        assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(span.getParentSpanId()).isEqualTo(PARENT_ID);
        assertThat(span.getParentSpanContext().isRemote()).isTrue();
        assertThat(header(record, "ce_traceparent")).isEqualTo("00-" + TRACE_ID + "-" + span.getSpanId() + "-01");
        assertThat(header(record, "ce_tracestate")).as("the trace state goes on with the trace").isEqualTo("vendor=1");
    }

    @Test
    void theSpanHasTheMessagingAttributesAndWhereKafkaStoredTheEvent() {
        start(PublishSpans.of(sdk));

        publisher.publish("orders", event("e-2", null));
        sentRecord();
        producer.completeNext();
        SpanData span = finishedSpan();

        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getAttributes().asMap()).containsEntry(AttributeKey.stringKey("messaging.system"), "kafka")
                .containsEntry(AttributeKey.stringKey("messaging.destination.name"), "orders")
                .containsEntry(AttributeKey.stringKey("messaging.operation.type"), "send")
                .containsEntry(AttributeKey.stringKey("messaging.message.id"), "e-2")
                .containsEntry(AttributeKey.stringKey("messaging.destination.partition.id"), "0")
                .containsEntry(AttributeKey.longKey("messaging.kafka.offset"), 0L);
    }

    @Test
    void anEventWithoutTraceContextStartsATraceThatItsRecordCarries() {
        start(PublishSpans.of(sdk));

        publisher.publish("orders", event("e-3", null));
        ProducerRecord<byte[], byte[]> record = sentRecord();
        producer.completeNext();
        SpanData span = finishedSpan();

        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(header(record, "ce_traceparent"))
                .isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                        + span.getSpanContext().getTraceFlags().asHex());
        assertThat(header(record, "ce_tracestate")).isNull();
    }

    @Test
    void aFailedPublishEndsItsSpansWithTheError() {
        start(PublishSpans.of(sdk));

        publisher.publishAll(List.of(new TopicEvent("orders", event("e-4", TRACEPARENT))));
        sentRecord();
        producer.errorNext(new TopicAuthorizationException("not authorized to write orders"));
        SpanData span = finishedSpan();

        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
        assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
                .isEqualTo(PublishException.class.getName());
    }

    @Test
    void withoutAnSdkTheEventKeepsItsOwnTraceContext() {
        assertThat(PublishSpans.of(OpenTelemetry.noop()).enabled()).isFalse();
        start(PublishSpans.of(OpenTelemetry.noop()));

        publisher.publish("orders", event("e-5", TRACEPARENT));
        ProducerRecord<byte[], byte[]> record = sentRecord();

        assertThat(header(record, "ce_traceparent")).isEqualTo(TRACEPARENT);
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }
}
