package dev.tributary.dispatcher.internal;

import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.FunctionMetrics;
import dev.tributary.sdk.Output;
import dev.tributary.sdk.internal.DecodedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Context} of one invocation: it collects what the function emits until the invocation ends. */
public final class InvocationContext implements Context {

    private final String functionName;
    private final Instant deadline;
    private final Optional<String> outputTopic;
    private final Logger logger;
    private final List<OutputWriter.Emitted> emitted = new CopyOnWriteArrayList<>();
    private volatile boolean abandoned;

    public InvocationContext(String functionName, Instant deadline, Optional<String> outputTopic) {
        this.functionName = functionName;
        this.deadline = deadline;
        this.outputTopic = outputTopic;
        this.logger = LoggerFactory.getLogger("tributary.function." + functionName);
    }

    /** The SDK's view of {@code event} with its decoded data. */
    public static <T> Event<T> event(KafkaEvent event, T data, int attempt) {
        return new DecodedEvent<>(event, data, attempt);
    }

    /** Marks the invocation given up on (timed out): what it emits from now on is dropped. */
    public void abandon() {
        abandoned = true;
    }

    public boolean abandoned() {
        return abandoned;
    }

    public List<OutputWriter.Emitted> emitted() {
        return List.copyOf(emitted);
    }

    @Override
    public String functionName() {
        return functionName;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public FunctionMetrics metrics() {
        return FunctionMetrics.NONE;
    }

    @Override
    public void emit(Output output) {
        emit(outputTopic.orElseThrow(() -> new IllegalStateException(
                functionName + " has no output topic; configure output.topic or emit to a named topic")), output);
    }

    @Override
    public void emit(String topic, Output output) {
        if (abandoned) {
            throw new IllegalStateException(functionName + " emitted after its invocation timed out");
        }
        emitted.add(new OutputWriter.Emitted(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(output, "output")));
    }
}
