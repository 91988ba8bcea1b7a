package dev.tributary.dispatcher.internal;

import dev.tributary.schemas.avro.AvroCodec;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.schemas.event.TraceContextExtensions;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import dev.tributary.sdk.Output;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes the outputs of one invocation as CloudEvents in binary mode and completes once Kafka has
 * acknowledged every one of them, so that the input is marked done only after its outputs are safe.
 */
public final class OutputWriter {

    private final Producer<byte[], byte[]> producer;
    private final KafkaEventCodec codec = new KafkaEventCodec();
    private final String functionName;
    private final URI defaultSource;
    private final Optional<AvroCodec<Object>> avro;

    /** @param producer an idempotent producer with {@code acks=all}, shared by the process */
    public OutputWriter(Producer<byte[], byte[]> producer, String functionName) {
        this(producer, functionName, Optional.empty());
    }

    /**
     * @param producer an idempotent producer with {@code acks=all}, shared by the process
     * @param registry where the schemas of Avro outputs are registered; empty when the process has none
     */
    public OutputWriter(Producer<byte[], byte[]> producer, String functionName,
                        Optional<SchemaRegistryClient> registry) {
        this.producer = producer;
        this.functionName = functionName;
        this.defaultSource = URI.create("tributary://functions/" + functionName);
        this.avro = registry.map(client -> AvroCodec.anyRecord(client, Map.of()));
    }

    /** Writes every output; the n-th output of an input gets id {@code <input id>:<function>:<n>} by default. */
    public CompletableFuture<Void> write(KafkaEvent input, List<Emitted> outputs) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            acks.add(send(record(input, outputs.get(i), i)));
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    /** An output and the topic it goes to. */
    public record Emitted(String topic, Output output) {
    }

    private ProducerRecord<byte[], byte[]> record(KafkaEvent input, Emitted emitted, int index) {
        Output output = emitted.output();
        byte[] data = encode(emitted.topic(), output);
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(output.id().orElse(input.cloudEvent().getId() + ":" + functionName + ":" + index))
                .withSource(output.source().orElse(defaultSource))
                .withType(output.type());
        output.subject().ifPresent(builder::withSubject);
        output.time().ifPresent(builder::withTime);
        output.dataSchema().ifPresent(builder::withDataSchema);
        output.dataContentType().ifPresent(builder::withDataContentType);
        output.extensions().forEach(builder::withExtension);
        carryTraceContext(input, output, builder);
        if (data != null) {
            builder.withData(data);
        }
        ProducerRecord<byte[], byte[]> record = codec.encode(emitted.topic(), builder.build());
        // The output's own key, else the input's: per-key order carries on downstream.
        byte[] key = output.key().orElseGet(() -> input.key().map(k -> k.bytes()).orElse(record.key()));
        // An output with a time is timestamped with it, so windows downstream follow event time, not write time.
        Long timestamp = output.time().map(time -> time.toInstant().toEpochMilli()).orElse(null);
        return new ProducerRecord<>(record.topic(), null, timestamp, key, record.value(), record.headers());
    }

    /**
     * An output belongs to the trace of the input that caused it: the CloudEvents distributed-tracing extension
     * ({@code traceparent}, {@code tracestate}) goes along unless the function set its own.
     */
    private static void carryTraceContext(KafkaEvent input, Output output, CloudEventBuilder builder) {
        for (String name : TraceContextExtensions.NAMES) {
            Object value = input.cloudEvent().getExtension(name);
            if (value != null && !output.extensions().containsKey(name)) {
                builder.withExtension(name, value.toString());
            }
        }
    }

    private byte[] encode(String topic, Output output) {
        if (output.avroData().isEmpty()) {
            return output.encode(topic);
        }
        return avro.orElseThrow(() -> new IllegalStateException("function " + functionName + " emits Avro data,"
                        + " which needs a schema registry: set registry.url in tributary.yaml"))
                .encode(topic, output.avroData().get());
    }

    private CompletableFuture<Void> send(ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                ack.complete(null);
            } else {
                ack.completeExceptionally(error);
            }
        });
        return ack;
    }
}
