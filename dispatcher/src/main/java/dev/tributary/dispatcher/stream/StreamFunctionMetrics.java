package dev.tributary.dispatcher.stream;

import dev.tributary.dispatcher.metrics.DispatcherMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The catalogue of a stream function's meters. Tributary's own are declared here; Kafka Streams' client metrics
 * (threads, tasks, stores, and the consumers and producers under them) are bound as Micrometer's
 * {@code KafkaStreamsMetrics} names them, {@code kafka.stream.*}, {@code kafka.consumer.*},
 * {@code kafka.producer.*} and {@code kafka.admin.client.*}, with the same {@value #TAG_FUNCTION} tag.
 *
 * <p>One instance per running function; the meters are registered when it is created. Thread-safe.
 */
public final class StreamFunctionMetrics {

    /** 1 while the function processes or rebalances, 0 once it stopped, failed or has not started. */
    public static final String RUNNING = "tributary.stream.running";
    /** Records written to a dead-letter topic instead of being processed. */
    public static final String DEAD_LETTERS = "tributary.stream.dead_letters";
    /** The function's name, on every meter, the Kafka Streams ones included; the dispatcher's tag name. */
    public static final String TAG_FUNCTION = DispatcherMetrics.TAG_FUNCTION;

    static final String RUNNING_DESCRIPTION =
            "1 while the stream function processes or rebalances; 0 when it stopped or failed";
    static final String DEAD_LETTERS_DESCRIPTION =
            "Records written to a dead-letter topic: not valid events, data that does not decode, NonRetryableException";

    private final MeterRegistry registry;
    private final AtomicInteger running = new AtomicInteger();
    private final Gauge runningGauge;
    private final Counter deadLetters;

    private StreamFunctionMetrics(MeterRegistry registry, String function) {
        this.registry = registry;
        this.runningGauge = Gauge.builder(RUNNING, running, AtomicInteger::get).description(RUNNING_DESCRIPTION)
                .tags(Tags.of(TAG_FUNCTION, function)).strongReference(true).register(registry);
        this.deadLetters = Counter.builder(DEAD_LETTERS).description(DEAD_LETTERS_DESCRIPTION)
                .tags(Tags.of(TAG_FUNCTION, function)).register(registry);
    }

    static StreamFunctionMetrics create(MeterRegistry registry, String function) {
        Objects.requireNonNull(registry, "registry is required: a SimpleMeterRegistry or a composite one with no"
                + " registries when metrics are off");
        return new StreamFunctionMetrics(registry, Objects.requireNonNull(function, "function"));
    }

    void running(boolean isRunning) {
        running.set(isRunning ? 1 : 0);
    }

    void deadLettered() {
        deadLetters.increment();
    }

    /** Unregisters the running gauge, so that a stopped function is not reported by this process. */
    void remove() {
        running.set(0);
        registry.remove(runningGauge);
    }
}
