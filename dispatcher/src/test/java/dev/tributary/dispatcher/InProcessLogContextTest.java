package dev.tributary.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.FunctionConfig;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** What a function logs says which record it is about: the MDC is set on the thread that runs the function. */
class InProcessLogContextTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    /** Keeps the MDC as the function's code sees it. */
    static final class SeesMdc implements EventFunction<byte[]> {
        final AtomicReference<Map<String, String>> seen = new AtomicReference<>();

        @Override
        public void handle(Event<byte[]> event, Context context) {
            seen.set(MDC.getCopyOfContextMap());
        }
    }

    @Test
    void theFunctionsThreadCarriesItsRecordAndTraceInTheMdc() throws Exception {
        SeesMdc function = new SeesMdc();
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        try (InProcessInvoker invoker = InProcessInvoker.open(FunctionConfig.empty("billing"), function,
                Optional.empty(), producer, Clock.systemUTC(), Duration.ofSeconds(10))) {
            invoker.invoke(event("orders", 3, 42L), 1).toCompletableFuture().join();
        }

        assertThat(function.seen.get())
                .containsEntry("function", "billing")
                .containsEntry("messaging.destination.name", "orders")
                .containsEntry("messaging.destination.partition.id", "3")
                .containsEntry("messaging.kafka.offset", "42")
                .containsEntry("traceparent", TRACEPARENT);
    }

    private static KafkaEvent event(String topic, int partition, long offset) {
        KafkaEventCodec codec = new KafkaEventCodec();
        ProducerRecord<byte[], byte[]> record = codec.encode(topic, CloudEventBuilder.v1().withId("e1")
                .withSource(URI.create("/test")).withType("order").withExtension("traceparent", TRACEPARENT)
                .build());
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>(topic, partition, offset, record.key(),
                record.value());
        record.headers().forEach(header -> consumed.headers().add(header));
        return codec.decode(consumed);
    }
}
