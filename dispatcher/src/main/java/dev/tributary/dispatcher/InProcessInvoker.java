package dev.tributary.dispatcher;

import dev.tributary.dispatcher.internal.InvocationContext;
import dev.tributary.dispatcher.internal.OutputWriter;
import dev.tributary.schemas.codec.DataCodec;
import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.sdk.AsyncEventFunction;
import dev.tributary.sdk.DataType;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.FunctionLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.Producer;

/**
 * Invokes a Java function written with the SDK, in this process: decodes the event's data to the type the
 * function declares, calls it, then writes what it emitted and completes once Kafka has acknowledged all of
 * it.
 */
public final class InProcessInvoker implements FunctionInvoker {

    private final String functionName;
    private final FunctionLifecycle function;
    private final DataCodec<?> codec;
    private final Optional<String> outputTopic;
    private final OutputWriter outputs;
    private final Clock clock;
    private final Duration timeout;

    private InProcessInvoker(String functionName, FunctionLifecycle function, DataCodec<?> codec,
                             Optional<String> outputTopic, OutputWriter outputs, Clock clock, Duration timeout) {
        this.functionName = functionName;
        this.function = function;
        this.codec = codec;
        this.outputTopic = outputTopic;
        this.outputs = outputs;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Opens {@code function} with its config and returns an invoker for it.
     *
     * @param function    an {@link EventFunction} or an {@link AsyncEventFunction}
     * @param producer    where emitted events go: the process's shared producer, idempotent with {@code acks=all}
     * @throws Exception  what the function's {@code open} threw
     */
    public static InProcessInvoker open(FunctionConfig config, FunctionLifecycle function, Optional<String> outputTopic,
                                        Producer<byte[], byte[]> producer, Clock clock, Duration timeout) throws Exception {
        Objects.requireNonNull(function, "function");
        if (!(function instanceof EventFunction<?>) && !(function instanceof AsyncEventFunction<?>)) {
            throw new IllegalArgumentException(function.getClass().getName()
                    + " implements neither EventFunction nor AsyncEventFunction");
        }
        DataCodec<?> codec = codecFor(DataType.ofFunction(function.getClass()));
        function.open(config);
        return new InProcessInvoker(config.functionName(), function, codec, outputTopic,
                new OutputWriter(producer, config.functionName()), clock, timeout);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public CompletionStage<Void> invoke(KafkaEvent event, int attempt) {
        InvocationContext context = new InvocationContext(functionName, clock.instant().plus(timeout), outputTopic);
        try {
            Object data = decode(event);
            var sdkEvent = InvocationContext.event(event, data, attempt);
            CompletionStage<Void> handled;
            if (function instanceof EventFunction sync) {
                sync.handle(sdkEvent, context);
                handled = CompletableFuture.completedFuture(null);
            } else {
                handled = ((AsyncEventFunction) function).handle(sdkEvent, context);
            }
            return handled.thenCompose(done -> outputs.write(event, context.emitted()));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    private Object decode(KafkaEvent event) {
        byte[] data = event.cloudEvent().getData() == null ? null : event.cloudEvent().getData().toBytes();
        return data == null ? null : codec.decode(event.topic(), data);
    }

    static DataCodec<?> codecFor(DataType<?> type) {
        return switch (type.kind()) {
            case BYTES -> DataCodecs.bytes();
            case TEXT -> DataCodecs.text();
            case JSON_TREE -> DataCodecs.jsonNode();
            case JSON -> DataCodecs.json(type.type());
            case AVRO_SPECIFIC, AVRO_GENERIC -> throw new UnsupportedOperationException(
                    "functions that take Avro data are not supported yet; take byte[] and decode with the Avro serde");
        };
    }
}
