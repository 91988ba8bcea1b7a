package dev.tributary.dispatcher.stream;

import dev.tributary.dispatcher.stream.internal.DeadLetterRouting;
import dev.tributary.dispatcher.stream.internal.FunctionTopics;
import dev.tributary.dispatcher.stream.internal.StreamsProperties;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.stream.StreamFunction;
import dev.tributary.sdk.stream.StreamTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link StreamFunction} on Kafka Streams in this process, with exactly-once processing
 * ({@code processing.guarantee=exactly_once_v2}): the offsets of the inputs, the changes to the function's state
 * (its changelog topics) and its outputs are committed in one Kafka transaction, every commit interval. A process
 * killed mid-transaction leaves an aborted transaction behind: read_committed consumers never see its outputs, and
 * the next owner of the work restores the state as of the last commit and processes the inputs since then again.
 * So every input counts exactly once in the aggregates, and every committed output is there once.
 *
 * <p>Every process started with the same function name shares the work through the consumer group
 * {@code tributary.<name>}; each keeps its local state under {@link StreamFunctionSettings#stateDir()}, which it
 * owns: another process, or another function, must not share it. Keeping it across restarts spares the function
 * rebuilding its stores from their changelogs.
 *
 * <p>When processing fails on an error Tributary does not dead-letter, the function stops: {@link #isRunning()}
 * turns false, {@link #failure()} says why, the {@value StreamFunctionMetrics#RUNNING} gauge drops to 0 and the
 * error is logged. The process keeps running its other functions; a restart of the function resumes from its last
 * commit.
 *
 * <p>Metrics: {@link StreamFunctionMetrics} and Kafka Streams' client metrics, both tagged with the function's name.
 */
public final class StreamFunctionRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamFunctionRunner.class);
    private static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final StreamFunctionSettings settings;
    private final KafkaStreams streams;
    private final StreamFunctionMetrics metrics;
    private final KafkaStreamsMetrics clientMetrics;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private StreamFunctionRunner(StreamFunctionSettings settings, KafkaStreams streams, StreamFunctionMetrics metrics,
                                 MeterRegistry registry) {
        this.settings = settings;
        this.streams = streams;
        this.metrics = metrics;
        streams.setStateListener((now, before) -> onStateChange(now, before));
        streams.setUncaughtExceptionHandler(this::onUncaughtException);
        this.clientMetrics = new KafkaStreamsMetrics(streams, Tags.of(StreamFunctionMetrics.TAG_FUNCTION,
                settings.functionName()));
        clientMetrics.bindTo(registry);
    }

    /** Starts {@code function} with the system clock; see {@link #start(StreamFunctionSettings, StreamFunction, MeterRegistry, Clock)}. */
    public static StreamFunctionRunner start(StreamFunctionSettings settings, StreamFunction function,
                                             MeterRegistry registry) {
        return start(settings, function, registry, Clock.systemUTC());
    }

    /**
     * Builds the function's topology, checks its topics, creates its dead-letter topics, and starts processing.
     * Returns once Kafka Streams has started its threads; joining the group and restoring state go on behind.
     *
     * @param registry where the function's meters go
     * @param clock    the time written into dead letters
     * @throws IllegalArgumentException when the function cannot build its topology or a Kafka property is
     *                                  Tributary's to set
     * @throws IllegalStateException    when a topic it reads or writes does not exist, or Kafka cannot be reached
     */
    public static StreamFunctionRunner start(StreamFunctionSettings settings, StreamFunction function,
                                             MeterRegistry registry, Clock clock) {
        return start(settings, function, registry, clock, Optional.empty());
    }

    /**
     * Like {@link #start(StreamFunctionSettings, StreamFunction, MeterRegistry, Clock)}, for a function that may read
     * Avro data.
     *
     * @param schemaRegistry what Avro data is read with; empty when the process has no schema registry
     */
    public static StreamFunctionRunner start(StreamFunctionSettings settings, StreamFunction function,
                                             MeterRegistry registry, Clock clock,
                                             Optional<SchemaRegistryClient> schemaRegistry) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(clock, "clock");
        StreamTopology topology = StreamTopology.build(function,
                new FunctionConfig(settings.functionName(), settings.config()), settings.inputTopics(),
                settings.outputTopic(), schemaRegistry);
        StreamFunctionMetrics metrics = StreamFunctionMetrics.create(registry, settings.functionName());
        StreamFunctionRunner runner;
        try {
            DeadLetterRouting deadLetters = new DeadLetterRouting(settings.functionName(), topology.sourceTopics(),
                    metrics::deadLettered, clock);
            Properties properties = StreamsProperties.of(settings, deadLetters);
            FunctionTopics.prepare(new StreamsConfig(properties).getAdminConfigs("tributary-"
                            + settings.functionName() + "-setup"), topology, deadLetters,
                    settings.replicationFactor() == StreamFunctionSettings.BROKER_DEFAULT_REPLICATION
                            ? Optional.empty() : Optional.of((short) settings.replicationFactor()));
            createStateDir(settings);
            runner = new StreamFunctionRunner(settings, new KafkaStreams(topology.topology(), properties), metrics,
                    registry);
        } catch (RuntimeException e) {
            metrics.remove();
            throw e;
        }
        runner.streams.start();
        LOG.info("stream function {} started: reads {}, state in {}", settings.functionName(), topology.sourceTopics(),
                settings.stateDir().toAbsolutePath());
        return runner;
    }

    public String functionName() {
        return settings.functionName();
    }

    /** Whether the function processes or rebalances: false before start, once it failed, and after close. */
    public boolean isRunning() {
        return streams.state().isRunningOrRebalancing();
    }

    /** Kafka Streams' state of the function, for health details. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Why the function stopped on its own; empty while it runs or when it was closed. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * Stops processing, commits what is done, and closes the clients and stores within {@code timeout}. The
     * state directory stays for the next start.
     *
     * @return whether everything closed within {@code timeout}
     */
    public boolean close(Duration timeout) {
        boolean closed = streams.close(Objects.requireNonNull(timeout, "timeout"));
        clientMetrics.close();
        metrics.remove();
        if (!closed) {
            LOG.warn("stream function {} did not close within {}", settings.functionName(), timeout);
        }
        return closed;
    }

    /** {@link #close(Duration)} within 30 seconds. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    private static void createStateDir(StreamFunctionSettings settings) {
        try {
            Files.createDirectories(settings.stateDir());
        } catch (IOException e) {
            throw new UncheckedIOException("stream function " + settings.functionName()
                    + " cannot create its state directory " + settings.stateDir() + ": " + e.getMessage(), e);
        }
    }

    private void onStateChange(KafkaStreams.State now, KafkaStreams.State before) {
        metrics.running(now.isRunningOrRebalancing());
        LOG.debug("stream function {}: {} -> {}", settings.functionName(), before, now);
    }

    private StreamThreadExceptionResponse onUncaughtException(Throwable error) {
        failure.compareAndSet(null, error);
        LOG.error("stream function {} stopped: {}. Its outputs and state are as of its last commit; fix the cause"
                + " and restart it to resume from there", settings.functionName(), error.toString(), error);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
