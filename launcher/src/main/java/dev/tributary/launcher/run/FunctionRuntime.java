package dev.tributary.launcher.run;

import dev.tributary.dispatcher.DeadLetterHeaders;
import dev.tributary.dispatcher.DispatcherSettings;
import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.dispatcher.FunctionDispatcher;
import dev.tributary.dispatcher.FunctionInvoker;
import dev.tributary.dispatcher.InProcessInvoker;
import dev.tributary.dispatcher.OrderingMode;
import dev.tributary.dispatcher.http.HttpFunctionInvoker;
import dev.tributary.dispatcher.metrics.DispatcherMetrics;
import dev.tributary.dispatcher.stream.StreamFunctionRunner;
import dev.tributary.dispatcher.stream.StreamFunctionSettings;
import dev.tributary.launcher.config.FunctionCode;
import dev.tributary.launcher.config.FunctionSettings;
import dev.tributary.launcher.config.OutputSettings;
import dev.tributary.launcher.config.RegistrySettings;
import dev.tributary.launcher.config.SubscribeSettings;
import dev.tributary.launcher.config.TopicSelection;
import dev.tributary.launcher.config.TributaryConfig;
import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import dev.tributary.schemas.registry.SchemaRegistrySettings;
import dev.tributary.sdk.FunctionConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The functions of a configuration, running: one dispatcher per function, one idempotent producer shared by
 * all of them for their outputs, and one cap on the invocations in flight in this process.
 */
public final class FunctionRuntime implements AutoCloseable {

    /** The most invocations in flight in this process, over all functions. */
    static final int PROCESS_CONCURRENCY = 1_024;

    private final KafkaProducer<byte[], byte[]> producer;
    private final MeterRegistry registry;
    private final List<FunctionDispatcher> dispatchers = new ArrayList<>();
    private final List<StreamFunctionRunner> streams = new ArrayList<>();
    /** The schema registry every function reads and writes Avro data with; empty when there is none. */
    private final Optional<SchemaRegistryClient> schemaRegistry;

    private FunctionRuntime(KafkaProducer<byte[], byte[]> producer, MeterRegistry registry,
                            Optional<SchemaRegistryClient> schemaRegistry) {
        this.producer = producer;
        this.registry = registry;
        this.schemaRegistry = schemaRegistry;
    }

    /** Like {@link #start(TributaryConfig, String, Clock, MeterRegistry, Path, Optional)}, with the config's registry. */
    public static FunctionRuntime start(TributaryConfig config, String bootstrapServers, Clock clock,
                                        MeterRegistry registry, Path dataDir) throws Exception {
        return start(config, bootstrapServers, clock, registry, dataDir, config.registry().map(RegistrySettings::url));
    }

    /**
     * Opens every function of {@code config} and starts consuming for it.
     *
     * @param bootstrapServers the cluster to use, which the caller chose (the config's, or the embedded one)
     * @param registry         where every function's meters go; the caller owns it
     * @param dataDir          where stream functions keep their state, each in {@code streams/<name>}
     * @param schemaRegistry   the registry Avro data is read and written with (the config's, or the embedded one);
     *                         its credentials come from the environment
     * @throws Exception what a function's class loading or {@code open} threw; functions started before it are stopped
     */
    public static FunctionRuntime start(TributaryConfig config, String bootstrapServers, Clock clock,
                                        MeterRegistry registry, Path dataDir, Optional<URI> schemaRegistry)
            throws Exception {
        return start(config, bootstrapServers, clock, registry, dataDir, schemaRegistry, OpenTelemetry.noop());
    }

    /**
     * As {@link #start(TributaryConfig, String, Clock, MeterRegistry, Path, Optional)}, with a span for every
     * invocation attempt.
     *
     * @param openTelemetry where the spans go; {@link OpenTelemetry#noop()} for none
     */
    public static FunctionRuntime start(TributaryConfig config, String bootstrapServers, Clock clock,
                                        MeterRegistry registry, Path dataDir, Optional<URI> schemaRegistry,
                                        OpenTelemetry openTelemetry) throws Exception {
        Map<String, Object> kafka = new HashMap<>(config.kafka().properties());
        kafka.put("bootstrap.servers", bootstrapServers);
        FunctionRuntime runtime = new FunctionRuntime(new KafkaProducer<>(producerConfig(kafka),
                new ByteArraySerializer(), new ByteArraySerializer()), registry, schemaRegistry.map(url ->
                new HttpSchemaRegistryClient(SchemaRegistrySettings.fromEnvironment(url.toString(), System.getenv()))));
        Semaphore processPermits = new Semaphore(PROCESS_CONCURRENCY);
        FunctionLoader loader = new FunctionLoader();
        try {
            ReplayTopics.ensure(config.functions().stream()
                    .filter(function -> !(function.code() instanceof FunctionCode.Stream))
                    .map(FunctionSettings::name).toList(), kafka);
            for (FunctionSettings function : config.functions()) {
                if (function.code() instanceof FunctionCode.Stream stream) {
                    runtime.streams.add(StreamFunctionRunner.start(streamSettings(function, kafka, dataDir),
                            loader.instantiate(function.name(), stream), runtime.registry, clock,
                            runtime.schemaRegistry));
                    continue;
                }
                FailureSettings failures = function.subscribe().failures();
                FunctionInvoker invoker = invoker(function, loader, runtime.producer, runtime.schemaRegistry, clock);
                DispatcherMetrics metrics = DispatcherMetrics.create(runtime.registry, function.name(),
                        function.subscribe().concurrency());
                runtime.dispatchers.add(new FunctionDispatcher(dispatcherSettings(function, kafka), failures, invoker,
                        runtime.producer, processPermits, clock, metrics, openTelemetry).start());
            }
        } catch (Exception | Error e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    private static FunctionInvoker invoker(FunctionSettings function, FunctionLoader loader,
                                           KafkaProducer<byte[], byte[]> producer,
                                           Optional<SchemaRegistryClient> schemaRegistry, Clock clock)
            throws Exception {
        Optional<String> outputTopic = function.output().map(OutputSettings::topic);
        Duration timeout = function.subscribe().failures().timeout();
        return switch (function.code()) {
            case FunctionCode.InProcess inProcess -> InProcessInvoker.open(
                    new FunctionConfig(function.name(), function.config()), loader.instantiate(function.name(), inProcess),
                    outputTopic, producer, schemaRegistry, clock, timeout);
            case FunctionCode.Stream stream -> throw new IllegalArgumentException(
                    function.name() + " is a stream function, which Kafka Streams runs, not a dispatcher");
            case FunctionCode.Remote remote -> HttpFunctionInvoker.create(function.name(), remote.url(), outputTopic,
                    producer, timeout, function.subscribe().concurrency(),
                    remote.signingSecret().map(secret -> secret.getBytes(StandardCharsets.UTF_8)), clock);
        };
    }

    public List<FunctionDispatcher> dispatchers() {
        return List.copyOf(dispatchers);
    }

    /** The names of the functions running, event and stream functions alike, in the file's order of kinds. */
    public List<String> functionNames() {
        return Stream.concat(dispatchers.stream().map(FunctionDispatcher::functionName),
                streams.stream().map(StreamFunctionRunner::functionName)).toList();
    }

    /** Whether every function is running: none has stopped on an error or been closed. */
    public boolean ready() {
        return dispatchers.stream().allMatch(FunctionDispatcher::isRunning)
                && streams.stream().allMatch(StreamFunctionRunner::isRunning);
    }

    /** Stops every function, letting in-flight work finish within its drain timeout, then the producer. */
    @Override
    public void close() throws InterruptedException {
        for (FunctionDispatcher dispatcher : dispatchers) {
            dispatcher.close();
        }
        for (StreamFunctionRunner stream : streams) {
            stream.close();
        }
        producer.close(Duration.ofSeconds(10));
        schemaRegistry.ifPresent(SchemaRegistryClient::close);
    }

    static DispatcherSettings dispatcherSettings(FunctionSettings function, Map<String, Object> kafka) {
        SubscribeSettings subscribe = function.subscribe();
        Map<String, Object> consumer = new HashMap<>(kafka);
        consumer.put("auto.offset.reset", subscribe.startFrom().name().toLowerCase(Locale.ROOT));
        // Every function also reads its replay topic, where `tributary dlt replay` sends its dead letters back.
        String replay = DeadLetterHeaders.replayTopic(function.name());
        List<String> topics = subscribe.topics() instanceof TopicSelection.Listed listed
                ? Stream.concat(listed.topics().stream(), Stream.of(replay)).toList() : List.of();
        Optional<Pattern> pattern = subscribe.topics() instanceof TopicSelection.Matching matching
                ? Optional.of(Pattern.compile("(?:" + matching.pattern().pattern() + ")|" + Pattern.quote(replay),
                        matching.pattern().flags()))
                : Optional.empty();
        DispatcherSettings defaults = DispatcherSettings.forTopics(function.name(), List.of("unused"), consumer);
        return new DispatcherSettings(function.name(), subscribe.group(), topics, pattern, subscribe.filter(),
                subscribe.ordering(), subscribe.concurrency(), subscribe.minConcurrency(),
                defaults.maxBufferedPerPartition(), defaults.commitInterval(), defaults.drainTimeout(), consumer);
    }

    static StreamFunctionSettings streamSettings(FunctionSettings function, Map<String, Object> kafka, Path dataDir) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put("auto.offset.reset", function.subscribe().startFrom().name().toLowerCase(Locale.ROOT));
        List<String> topics = function.subscribe().topics() instanceof TopicSelection.Listed listed
                ? listed.topics() : List.of();
        return StreamFunctionSettings.of(function.name(), topics, function.output().map(OutputSettings::topic),
                dataDir, properties).withConfig(function.config());
    }

    private static Map<String, Object> producerConfig(Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>(kafka);
        // Outputs are acknowledged by every in-sync replica, once each, before their input counts as done.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "tributary-outputs-" + ProcessHandle.current().pid());
        return config;
    }
}
