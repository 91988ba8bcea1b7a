package dev.tributary.dispatcher;

import dev.tributary.dispatcher.internal.InvocationContext;
import dev.tributary.dispatcher.internal.LogContext;
import dev.tributary.dispatcher.internal.OutputWriter;
import dev.tributary.schemas.codec.DataCodec;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.registry.SchemaRegistryClient;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

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
     * Opens {@code function} with its config and returns an invoker for it, for a process without a schema registry.
     *
     * @see #open(FunctionConfig, FunctionLifecycle, Optional, Producer, Optional, Clock, Duration)
     */
    public static InProcessInvoker open(FunctionConfig config, FunctionLifecycle function, Optional<String> outputTopic,
                                        Producer<byte[], byte[]> producer, Clock clock, Duration timeout) throws Exception {
        return open(config, function, outputTopic, producer, Optional.empty(), clock, timeout);
    }

    /**
     * Opens {@code function} with its config and returns an invoker for it.
     *
     * @param function    an {@link EventFunction} or an {@link AsyncEventFunction}
     * @param producer    where emitted events go: the process's shared producer, idempotent with {@code acks=all}
     * @param registry    what Avro data is read and written with: the function's input, when it takes Avro, and
     *                    the outputs it gives as Avro; empty when the process has no schema registry
     * @throws IllegalStateException when the function takes Avro data and there is no registry
     * @throws Exception  what the function's {@code open} threw
     */
    public static InProcessInvoker open(FunctionConfig config, FunctionLifecycle function, Optional<String> outputTopic,
                                        Producer<byte[], byte[]> producer, Optional<SchemaRegistryClient> registry,
                                        Clock clock, Duration timeout) throws Exception {
        Objects.requireNonNull(function, "function");
        if (!(function instanceof EventFunction<?>) && !(function instanceof AsyncEventFunction<?>)) {
            throw new IllegalArgumentException(function.getClass().getName()
                    + " implements neither EventFunction nor AsyncEventFunction");
        }
        DataCodec<?> codec;
        try {
            codec = DataType.ofFunction(function.getClass()).codec(registry);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("function " + config.functionName() + ": " + e.getMessage(), e);
        }
        function.open(config);
        return new InProcessInvoker(config.functionName(), function, codec, outputTopic,
                new OutputWriter(producer, config.functionName(), registry), clock, timeout);
    }

    /**
     * Runs the function on a virtual thread of its own. If the caller gives up on the returned stage (it times out
     * or is cancelled), the function's thread is interrupted and its outputs are dropped: an abandoned invocation
     * never writes.
     */
    @Override
    public CompletionStage<Void> invoke(KafkaEvent event, int attempt) {
        InvocationContext context = new InvocationContext(functionName, clock.instant().plus(timeout), outputTopic);
        CompletableFuture<Void> result = new CompletableFuture<>();
        Future<?> task = threads.submit(() -> {
            try (LogContext ignored = LogContext.of(functionName, event)) {
                handle(event, attempt, context)
                        .thenCompose(done -> context.abandoned()
                                ? CompletableFuture.<Void>completedFuture(null)
                                : outputs.write(event, context.emitted()))
                        .whenComplete((done, error) -> {
                            if (error == null) {
                                result.complete(null);
                            } else {
                                result.completeExceptionally(error);
                            }
                        });
            } catch (Exception | LinkageError e) {
                // A function's missing class fails its invocation, not the dispatcher.
                result.completeExceptionally(e);
            }
        });
        result.whenComplete((done, error) -> {
            if (error != null) {
                context.abandon();
                task.cancel(true);
            }
        });
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private CompletionStage<Void> handle(KafkaEvent event, int attempt, InvocationContext context) throws Exception {
        Object data = decode(event);
        var sdkEvent = InvocationContext.event(event, data, attempt);
        if (function instanceof EventFunction sync) {
            sync.handle(sdkEvent, context);
            return CompletableFuture.completedFuture(null);
        }
        return ((AsyncEventFunction) function).handle(sdkEvent, context);
    }

    /** It hands the function to a virtual thread of its own and returns. */
    @Override
    public boolean returnsAtOnce() {
        return true;
    }

    @Override
    public void close() throws Exception {
        threads.shutdownNow();
        function.close();
    }

    private Object decode(KafkaEvent event) {
        byte[] data = event.cloudEvent().getData() == null ? null : event.cloudEvent().getData().toBytes();
        return data == null ? null : codec.decode(event.topic(), data);
    }
}
