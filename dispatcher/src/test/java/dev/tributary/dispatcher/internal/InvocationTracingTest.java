package dev.tributary.dispatcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.dispatcher.DispatcherSettings;
import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.dispatcher.FunctionInvoker;
import dev.tributary.dispatcher.RetryPolicy;
import dev.tributary.dispatcher.metrics.DispatcherMetrics;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.sdk.Output;
import dev.tributary.sdk.RetryableException;
import io.cloudevents.core.builder.CloudEventBuilder;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The span of every invocation attempt, through the real consumer loop on Kafka's mock consumer: a CONSUMER span
 * child of the event's trace context, with the messaging attributes, an error status when the attempt failed, and
 * its context handed to the function, so the outputs it writes continue the trace from it.
 */
class InvocationTracingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PARENT_ID = "b7ad6b7169203331";
    private static final TopicPartition ORDERS = new TopicPartition("orders", 2);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .build();
    private final DispatcherSettings settings = DispatcherSettings.forTopics("billing", List.of(ORDERS.topic()),
            Map.of("bootstrap.servers", "127.0.0.1:9"));
    private final FailureSettings failures = FailureSettings.DEFAULT
            .withRetry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), 1.0, 0.0));
    /** The events as the function got them, one per attempt. */
    private final List<KafkaEvent> seen = new CopyOnWriteArrayList<>();
    private ConsumerLoop loop;

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
            assertThat(loop.awaitStopped(WAIT)).isTrue();
        }
        sdk.close();
    }

    /** Fails its first attempt, then writes one output. */
    private final FunctionInvoker failsOnceThenEmits = (event, attempt) -> {
        seen.add(event);
        if (attempt == 1) {
            return CompletableFuture.failedFuture(new RetryableException("the ledger is busy"));
        }
        return new OutputWriter(producer, "billing").write(event, List.of(new OutputWriter.Emitted("invoices",
                Output.ofType("com.example.invoice").text("invoice").build())));
    };

    private void run(OpenTelemetry openTelemetry, String traceparent) {
        CloudEventBuilder event = CloudEventBuilder.v1().withId("order-1").withSource(URI.create("/shop"))
                .withType("com.example.order");
        if (traceparent != null) {
            event.withExtension("traceparent", traceparent);
        }
        ProducerRecord<byte[], byte[]> written = new KafkaEventCodec().encode(ORDERS.topic(), event.build());
        ConsumerRecord<byte[], byte[]> record =
                new ConsumerRecord<>(ORDERS.topic(), ORDERS.partition(), 7L, written.key(), written.value());
        written.headers().forEach(header -> record.headers().add(header));
        consumer.updateBeginningOffsets(Map.of(ORDERS, 7L));
        // Poll tasks run on the loop's own thread, the only one that may touch its partitions.
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(ORDERS));
            consumer.addRecord(record);
        });
        loop = new ConsumerLoop(settings, failures, consumer, failsOnceThenEmits, producer, new Semaphore(16),
                Clock.systemUTC(), DispatcherMetrics.noop(), InvocationSpans.of(openTelemetry, settings));
        Thread.ofPlatform().name("loop-under-test").start(loop);
        await().atMost(WAIT).until(() -> producer.history().size() == 1);
    }

    private List<SpanData> attempts() {
        await().atMost(WAIT).until(() -> exporter.getFinishedSpanItems().size() == 2);
        return exporter.getFinishedSpanItems().stream()
                .sorted(Comparator.comparing(span -> span.getAttributes().get(InvocationSpans.ATTEMPT)))
                .toList();
    }

    private static String traceparentOf(SpanData span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
    }

    @Test
    void eachAttemptIsAConsumerSpanChildOfTheEventsTraceContext() {
        run(sdk, "00-" + TRACE_ID + "-" + PARENT_ID + "-01");
        List<SpanData> attempts = attempts();

        assertThat(attempts).allSatisfy(span -> {
            assertThat(span.getName()).isEqualTo("process orders");
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(span.getParentSpanId()).isEqualTo(PARENT_ID);
            assertThat(span.getAttributes().asMap())
                    .containsEntry(AttributeKey.stringKey("messaging.system"), "kafka")
                    .containsEntry(AttributeKey.stringKey("messaging.operation.type"), "process")
                    .containsEntry(AttributeKey.stringKey("messaging.destination.name"), "orders")
                    .containsEntry(AttributeKey.stringKey("messaging.destination.partition.id"), "2")
                    .containsEntry(AttributeKey.longKey("messaging.kafka.offset"), 7L)
                    .containsEntry(AttributeKey.stringKey("messaging.consumer.group.name"), "tributary.billing")
                    .containsEntry(AttributeKey.stringKey("messaging.message.id"), "order-1")
                    .containsEntry(AttributeKey.stringKey("tributary.function.name"), "billing");
        });
        assertThat(attempts).extracting(span -> span.getAttributes().get(InvocationSpans.ATTEMPT))
                .containsExactly(1L, 2L);
    }

    @Test
    void aFailedAttemptsSpanHasErrorStatusAndTheException() {
        run(sdk, "00-" + TRACE_ID + "-" + PARENT_ID + "-01");
        List<SpanData> attempts = attempts();

        SpanData failed = attempts.get(0);
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getStatus().getDescription()).isEqualTo("the ledger is busy");
        assertThat(failed.getEvents()).singleElement().satisfies(event -> {
            assertThat(event.getName()).isEqualTo("exception");
            assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type")))
                    .isEqualTo(RetryableException.class.getName());
        });
        assertThat(attempts.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void theFunctionSeesItsAttemptsSpanAndItsOutputsCarryIt() {
        run(sdk, "00-" + TRACE_ID + "-" + PARENT_ID + "-01");
        List<SpanData> attempts = attempts();

        assertThat(seen).extracting(event -> event.cloudEvent().getExtension("traceparent"))
                .containsExactly(traceparentOf(attempts.get(0)), traceparentOf(attempts.get(1)));
        ProducerRecord<byte[], byte[]> output = producer.history().getFirst();
        assertThat(new String(output.headers().lastHeader("ce_traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(traceparentOf(attempts.get(1)));
    }

    @Test
    void anEventWithoutTraceContextStartsATrace() {
        run(sdk, null);
        List<SpanData> attempts = attempts();

        assertThat(attempts).allSatisfy(span -> assertThat(span.getParentSpanContext().isValid()).isFalse());
        assertThat(attempts.get(0).getTraceId()).as("each attempt is a trace of its own")
                .isNotEqualTo(attempts.get(1).getTraceId());
    }

    @Test
    void withoutAnSdkTheFunctionSeesTheEventsOwnTraceContext() {
        String traceparent = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";
        run(OpenTelemetry.noop(), traceparent);

        assertThat(seen).extracting(event -> event.cloudEvent().getExtension("traceparent"))
                .containsExactly(traceparent, traceparent);
        assertThat(new String(producer.history().getFirst().headers().lastHeader("ce_traceparent").value(),
                StandardCharsets.UTF_8)).isEqualTo(traceparent);
        assertThat(exporter.getFinishedSpanItems()).isEmpty();
    }
}
