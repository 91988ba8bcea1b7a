package dev.tributary.dispatcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.sdk.Output;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class OutputWriterTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private final KafkaEventCodec codec = new KafkaEventCodec();
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final OutputWriter writer = new OutputWriter(producer, "enrich");

    @Test
    void anOutputContinuesTheTraceOfItsInput() {
        writer.write(input(TRACEPARENT), List.of(new OutputWriter.Emitted("out", Output.ofType("enriched").text("x")
                .build()))).join();

        CloudEvent written = written();
        assertThat(written.getExtension("traceparent")).isEqualTo(TRACEPARENT);
        assertThat(written.getExtension("tracestate")).isEqualTo("vendor=1");
        assertThat(written.getId()).isEqualTo("in-1:enrich:0");
    }

    @Test
    void anOutputWithATimeIsTimestampedWithIt() {
        java.time.OffsetDateTime time = java.time.OffsetDateTime.parse("2026-03-01T12:00:00Z");
        writer.write(input(TRACEPARENT), List.of(
                new OutputWriter.Emitted("out", Output.ofType("a").text("x").time(time).build()),
                new OutputWriter.Emitted("out", Output.ofType("b").text("y").build()))).join();

        assertThat(producer.history().get(0).timestamp()).isEqualTo(time.toInstant().toEpochMilli());
        assertThat(producer.history().get(1).timestamp()).as("the producer's clock").isNull();
    }

    @Test
    void aTraceContextTheFunctionSetItselfWins() {
        String own = "00-11111111111111111111111111111111-2222222222222222-01";
        writer.write(input(TRACEPARENT), List.of(new OutputWriter.Emitted("out", Output.ofType("enriched").text("x")
                .extension("traceparent", own).build()))).join();

        assertThat(written().getExtension("traceparent")).isEqualTo(own);
    }

    private KafkaEvent input(String traceparent) {
        ProducerRecord<byte[], byte[]> record = codec.encode("in", CloudEventBuilder.v1().withId("in-1")
                .withSource(URI.create("/test")).withType("t").withExtension("traceparent", traceparent)
                .withExtension("tracestate", "vendor=1").build());
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>("in", 0, 7L, record.key(), record.value());
        record.headers().forEach(header -> consumed.headers().add(header));
        return codec.decode(consumed);
    }

    private CloudEvent written() {
        ProducerRecord<byte[], byte[]> sent = producer.history().getFirst();
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(header -> consumed.headers().add(header));
        return codec.decode(consumed).cloudEvent();
    }
}
