package dev.tributary.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a function in a unit test, without Kafka: feed it events, then look at what it emitted, the failures
 * it threw and the metrics it recorded. The function is opened before the first event and closed by
 * {@link #close()}, as Tributary does.
 *
 * <pre>{@code
 * try (FunctionTester<String> tester = FunctionTester.of(new Shout()).outputTopic("loud")) {
 *     FunctionTester.Result result = tester.send("hello");
 *     assertThat(result.outputs()).extracting(e -> new String(e.output().encode("loud"), UTF_8))
 *             .containsExactly("HELLO");
 * }
 * }</pre>
 *
 * @param <T> the type of the function's event data
 */
public final class FunctionTester<T> implements AutoCloseable {

    /** An output and the topic it was emitted to. */
    public record Emitted(String topic, Output output) {
    }

    /** What one event led to: the outputs emitted while handling it and the failure, if it failed. */
    public record Result(List<Emitted> outputs, Optional<Throwable> failure) {

        public boolean succeeded() {
            return failure.isEmpty();
        }

        /** Whether Tributary would retry the event: it failed, and not with a {@link NonRetryableException}. */
        public boolean retryable() {
            return failure.isPresent() && !(failure.get() instanceof NonRetryableException);
        }
    }

    private final FunctionLifecycle function;
    private final Invocation<T> invocation;
    private String functionName = "function-under-test";
    private String outputTopic;
    private Map<String, Object> config = Map.of();
    private Clock clock = Clock.systemUTC();
    private Duration timeout = Duration.ofSeconds(30);
    private boolean opened;
    private final List<Emitted> outputs = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    private FunctionTester(FunctionLifecycle function, Invocation<T> invocation) {
        this.function = function;
        this.invocation = invocation;
    }

    public static <T> FunctionTester<T> of(EventFunction<T> function) {
        Objects.requireNonNull(function, "function");
        return new FunctionTester<>(function, (event, context, timeout) -> function.handle(event, context));
    }

    public static <T> FunctionTester<T> of(AsyncEventFunction<T> function) {
        Objects.requireNonNull(function, "function");
        return new FunctionTester<>(function, (event, context, timeout) -> {
            CompletionStage<Void> stage = function.handle(event, context);
            try {
                stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (TimeoutException e) {
                throw new TimeoutException("the function did not complete within " + timeout);
            }
        });
    }

    public FunctionTester<T> functionName(String name) {
        this.functionName = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The topic {@link Context#emit(Output)} writes to; without one, that call fails as it would in Tributary. */
    public FunctionTester<T> outputTopic(String topic) {
        this.outputTopic = topic;
        return this;
    }

    /** The function's {@code config} map, handed to {@link FunctionLifecycle#open}. */
    public FunctionTester<T> config(Map<String, Object> config) {
        this.config = Map.copyOf(config);
        return this;
    }

    /** The clock deadlines are computed from. */
    public FunctionTester<T> clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** How long one invocation may take; also how long an asynchronous function's stage is awaited. */
    public FunctionTester<T> timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** Handles an event carrying {@code data}, with the other attributes as {@link TestEvent} sets them. */
    public Result send(T data) {
        return send(TestEvent.of(data));
    }

    /** Handles one event and returns what it led to. A failure is returned, not thrown. */
    public Result send(Event<T> event) {
        openOnce();
        TesterContext context = new TesterContext(clock.instant().plus(timeout));
        Optional<Throwable> failure = Optional.empty();
        try {
            invocation.invoke(event, context, timeout);
        } catch (Exception e) {
            failure = Optional.of(e);
            failures.add(e);
        }
        outputs.addAll(context.emitted);
        return new Result(List.copyOf(context.emitted), failure);
    }

    /** Every output emitted so far, in order. */
    public List<Emitted> outputs() {
        return List.copyOf(outputs);
    }

    /** Every failure thrown so far, in order. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** How often the function incremented the counter {@code name}, over all tags. */
    public long counter(String name) {
        AtomicLong count = counters.get(name);
        return count == null ? 0 : count.get();
    }

    /**
     * Closes the function if it was opened. It throws nothing checked, so a test's try-with-resources needs no
     * {@code throws Exception} for it; what the function's {@code close()} throws comes out wrapped.
     *
     * @throws IllegalStateException wrapping what the function's {@code close()} threw
     */
    @Override
    public void close() {
        if (opened) {
            opened = false;
            try {
                function.close();
            } catch (Exception e) {
                throw new IllegalStateException("close() of " + functionName + " failed: " + e.getMessage(), e);
            }
        }
    }

    private void openOnce() {
        if (!opened) {
            try {
                function.open(new FunctionConfig(functionName, config));
            } catch (Exception e) {
                throw new IllegalStateException("open() of " + functionName + " failed: " + e.getMessage(), e);
            }
            opened = true;
        }
    }

    @FunctionalInterface
    private interface Invocation<T> {
        void invoke(Event<T> event, Context context, Duration timeout) throws Exception;
    }

    private final class TesterContext implements Context {
        private final Instant deadline;
        private final List<Emitted> emitted = new CopyOnWriteArrayList<>();

        private TesterContext(Instant deadline) {
            this.deadline = deadline;
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
            return LoggerFactory.getLogger("tributary.function." + functionName);
        }

        @Override
        public FunctionMetrics metrics() {
            return new FunctionMetrics() {
                @Override
                public void increment(String name, String... tags) {
                    counters.computeIfAbsent(name, ignored -> new AtomicLong()).incrementAndGet();
                }

                @Override
                public void record(String name, Duration duration, String... tags) {
                }
            };
        }

        @Override
        public void emit(Output output) {
            if (outputTopic == null) {
                throw new IllegalStateException(functionName + " has no output topic; configure output.topic"
                        + " or emit to a named topic");
            }
            emit(outputTopic, output);
        }

        @Override
        public void emit(String topic, Output output) {
            emitted.add(new Emitted(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(output, "output")));
        }
    }
}
