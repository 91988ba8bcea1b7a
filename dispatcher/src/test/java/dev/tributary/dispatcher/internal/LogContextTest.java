package dev.tributary.dispatcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {

    private final KafkaEventCodec codec = new KafkaEventCodec();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aRecordsFunctionTopicPartitionOffsetAndTraceAreInTheMdcUntilClosed() {
        ProducerRecord<byte[], byte[]> written = codec.encode("orders", CloudEventBuilder.v1().withId("e1")
                .withSource(URI.create("/test")).withType("com.example.order")
                .withExtension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").build());
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("orders", 3, 42L, written.key(), written.value());
        written.headers().forEach(header -> record.headers().add(header));
        Work work = new Work(new TopicPartition("orders", 3), record, codec.decode(record));

        try (LogContext ignored = LogContext.of("billing", work)) {
            assertThat(MDC.get("function")).isEqualTo("billing");
            assertThat(MDC.get("messaging.destination.name")).isEqualTo("orders");
            assertThat(MDC.get("messaging.destination.partition.id")).isEqualTo("3");
            assertThat(MDC.get("messaging.kafka.offset")).isEqualTo("42");
            assertThat(MDC.get("traceparent")).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        }

        assertThat(MDC.get("messaging.kafka.offset")).isNull();
        assertThat(MDC.get("traceparent")).isNull();
        assertThat(MDC.get("function")).as("the thread still works for the function").isEqualTo("billing");
    }
}
