package dev.tributary.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.avro.AvroCodec;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.Output;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Functions that take and emit Avro data: read and written in the Confluent wire format through the registry. */
class InProcessAvroTest {

    private static final DeviceTelemetry READING = new DeviceTelemetry("pump-7",
            Instant.parse("2026-01-01T10:00:00Z"), Map.of("temperature_c", 21.5), null);

    private final KafkaEventCodec events = new KafkaEventCodec();
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    /** Takes a reading and emits it in Fahrenheit, as Avro. */
    static final class ToFahrenheit implements EventFunction<DeviceTelemetry> {
        @Override
        public void handle(Event<DeviceTelemetry> event, Context context) {
            DeviceTelemetry reading = event.data();
            double celsius = reading.getMetrics().get("temperature_c");
            context.emit(Output.ofType("reading.f").avro(DeviceTelemetry.newBuilder(reading)
                    .setMetrics(Map.of("temperature_f", celsius * 9 / 5 + 32)).build()).build());
        }
    }

    /** Emits Avro from JSON input. */
    static final class JsonToAvro implements EventFunction<String> {
        @Override
        public void handle(Event<String> event, Context context) {
            context.emit(Output.ofType("reading").avro(READING).build());
        }
    }

    @Test
    void aFunctionReadsItsAvroInputAndItsAvroOutputIsRegisteredUnderTheOutputTopic() throws Exception {
        try (InProcessInvoker invoker = open(new ToFahrenheit(), Optional.of(registry))) {
            invoker.invoke(avroEvent("readings", READING), 1).toCompletableFuture().join();
        }

        ProducerRecord<byte[], byte[]> sent = producer.history().getFirst();
        CloudEvent written = decode(sent);
        assertThat(written.getDataContentType()).isEqualTo(AvroCodec.CONTENT_TYPE);
        DeviceTelemetry output = AvroCodec.specific(registry, DeviceTelemetry.class, Map.of())
                .decode("readings.f", written.getData().toBytes());
        assertThat(output.getMetrics()).containsExactly(Map.entry("temperature_f", 70.7));
        assertThat(output.getDeviceId()).isEqualTo("pump-7");
        assertThat(registry.subjects()).containsExactlyInAnyOrder("readings-value", "readings.f-value");
    }

    @Test
    void aFunctionThatTakesAvroDoesNotStartWithoutARegistry() {
        assertThatThrownBy(() -> open(new ToFahrenheit(), Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("function to-f")
                .hasMessageContaining(DeviceTelemetry.class.getName())
                .hasMessageContaining("registry.url");
    }

    @Test
    void anAvroOutputWithoutARegistryFailsTheInvocationSayingWhy() throws Exception {
        try (InProcessInvoker invoker = open(new JsonToAvro(), Optional.empty())) {
            assertThatThrownBy(() -> invoker.invoke(textEvent("readings", "{}"), 1).toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("function to-f emits Avro data")
                    .hasMessageContaining("registry.url");
        }
        assertThat(producer.history()).isEmpty();
    }

    private InProcessInvoker open(EventFunction<?> function, Optional<SchemaRegistryClient> schemaRegistry)
            throws Exception {
        return InProcessInvoker.open(FunctionConfig.empty("to-f"), function, Optional.of("readings.f"), producer,
                schemaRegistry, Clock.systemUTC(), Duration.ofSeconds(10));
    }

    private KafkaEvent avroEvent(String topic, DeviceTelemetry data) {
        byte[] bytes = AvroCodec.anyRecord(registry, Map.of()).encode(topic, data);
        return event(topic, CloudEventBuilder.v1().withDataContentType(AvroCodec.CONTENT_TYPE).withData(bytes));
    }

    private KafkaEvent textEvent(String topic, String data) {
        return event(topic, CloudEventBuilder.v1().withDataContentType("text/plain").withData(data.getBytes()));
    }

    private KafkaEvent event(String topic, CloudEventBuilder builder) {
        ProducerRecord<byte[], byte[]> record = events.encode(topic, builder.withId("in-1")
                .withSource(URI.create("/devices")).withType("reading").build());
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>(topic, 0, 0L, record.key(), record.value());
        record.headers().forEach(header -> consumed.headers().add(header));
        return events.decode(consumed);
    }

    private CloudEvent decode(ProducerRecord<byte[], byte[]> sent) {
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(header -> consumed.headers().add(header));
        return events.decode(consumed).cloudEvent();
    }
}
