package dev.tributary.dispatcher;

import dev.tributary.dispatcher.internal.ConsumerLoop;
import dev.tributary.dispatcher.internal.InvocationSpans;
import dev.tributary.dispatcher.metrics.DispatcherMetrics;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Runs one function: consumes its subscription in the function's own consumer group and invokes it for every
 * event that passes the filter, as the ordering mode and concurrency caps allow, retrying failures and sending
 * what cannot succeed to the dead-letter topic, committing offsets only up to the first event that is not done. Several processes running the same function share the partitions
 * through the consumer group.
 */
public final class FunctionDispatcher implements AutoCloseable {

    private final DispatcherSettings settings;
    private final FunctionInvoker invoker;
    private final ConsumerLoop loop;
    private final Thread thread;

    /**
     * @param deadLetterProducer writes dead letters: the process's shared producer, idempotent with {@code acks=all}
     * @param processPermits     the per-process cap, one semaphore shared by every function of the process
     */
    public FunctionDispatcher(DispatcherSettings settings, FailureSettings failures, FunctionInvoker invoker,
                              Producer<byte[], byte[]> deadLetterProducer, Semaphore processPermits, Clock clock) {
        this(settings, failures, invoker, deadLetterProducer, processPermits, clock, DispatcherMetrics.noop());
    }

    /**
     * @param deadLetterProducer writes dead letters: the process's shared producer, idempotent with {@code acks=all}
     * @param processPermits     the per-process cap, one semaphore shared by every function of the process
     * @param metrics            this function's meters, {@link DispatcherMetrics#create created} for its name
     */
    public FunctionDispatcher(DispatcherSettings settings, FailureSettings failures, FunctionInvoker invoker,
                              Producer<byte[], byte[]> deadLetterProducer, Semaphore processPermits, Clock clock,
                              DispatcherMetrics metrics) {
        this(settings, failures, invoker, deadLetterProducer, processPermits, clock, metrics, OpenTelemetry.noop());
    }

    /**
     * @param deadLetterProducer writes dead letters: the process's shared producer, idempotent with {@code acks=all}
     * @param processPermits     the per-process cap, one semaphore shared by every function of the process
     * @param metrics            this function's meters, {@link DispatcherMetrics#create created} for its name
     * @param openTelemetry      where a span of each invocation attempt goes, child of the event's trace context;
     *                           {@link OpenTelemetry#noop()} for none, at no cost per record
     */
    public FunctionDispatcher(DispatcherSettings settings, FailureSettings failures, FunctionInvoker invoker,
                              Producer<byte[], byte[]> deadLetterProducer, Semaphore processPermits, Clock clock,
                              DispatcherMetrics metrics, OpenTelemetry openTelemetry) {
        this.settings = settings;
        this.invoker = invoker;
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerConfig(settings), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.loop = new ConsumerLoop(settings, failures, consumer, invoker, deadLetterProducer, processPermits, clock,
                metrics, InvocationSpans.of(openTelemetry, settings));
        this.thread = Thread.ofPlatform().name("tributary-dispatcher-" + settings.functionName()).unstarted(loop);
    }

    public FunctionDispatcher start() {
        thread.start();
        return this;
    }

    public String functionName() {
        return settings.functionName();
    }

    public DispatcherStats stats() {
        return loop.stats();
    }

    /** Whether the dispatcher's consumer thread has started and not yet ended. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Stops consuming, lets in-flight work finish within the drain timeout, commits what is complete and
     * closes the function.
     */
    public void stop(Duration timeout) throws InterruptedException {
        loop.stop();
        if (!loop.awaitStopped(timeout)) {
            thread.interrupt();
        }
        try {
            invoker.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + settings.functionName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(settings.drainTimeout().plusSeconds(5));
    }

    static Map<String, Object> consumerConfig(DispatcherSettings settings) {
        Map<String, Object> config = new HashMap<>();
        // Kafka 4's consumer group protocol unless the user chose the classic one.
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // Transactional writers (cron ticks, stream functions) abort what a fenced instance left behind; a
        // read_committed consumer never hands such a record to a function.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putAll(settings.consumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if ("classic".equalsIgnoreCase(String.valueOf(config.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)))) {
            // The classic protocol's eager assignors stop every member at each rebalance; this one moves only
            // the partitions that change owner, so the others keep their in-flight work.
            config.putIfAbsent(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    CooperativeStickyAssignor.class.getName());
        }
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG,
                "tributary-" + settings.functionName() + "-" + ProcessHandle.current().pid());
        return config;
    }
}
