package dev.tributary.launcher.dev;

import dev.tributary.embedded.KafkaProcess;
import dev.tributary.embedded.SchemaRegistryProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The embedded development stack: the servers {@code tributary dev} runs on this machine, all on 127.0.0.1,
 * their data under one directory so that a restart finds its topics again. The schema registry keeps its
 * schemas in memory: they are registered again by the serializers after a restart.
 */
public final class DevStack implements AutoCloseable {

    private final KafkaProcess kafka;
    private final Optional<SchemaRegistryProcess> registry;

    public DevStack(DevStackSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.kafka = KafkaProcess.builder(settings.dataDir().resolve("kafka"))
                .port(settings.kafkaPort())
                .portSetting("--kafka-port")
                .build();
        this.registry = settings.registryPort().stream()
                .mapToObj(port -> SchemaRegistryProcess.builder(settings.dataDir().resolve("registry").resolve("registry.log"))
                        .port(port)
                        .portSetting("--registry-port")
                        .build())
                .findFirst();
    }

    /**
     * Starts every server, side by side, and returns once all serve requests. If one fails, the others are
     * stopped before the exception leaves, so a failed start leaves no process behind.
     */
    public DevStack start() throws InterruptedException {
        List<Future<?>> starts = new ArrayList<>();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            starts.add(threads.submit(() -> kafka.start()));
            registry.ifPresent(server -> starts.add(threads.submit(() -> server.start())));
        }
        for (Future<?> start : starts) {
            try {
                start.get();
            } catch (ExecutionException e) {
                stop(Duration.ofSeconds(5));
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
        return this;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Path kafkaLog() {
        return kafka.logFile();
    }

    /** The Confluent-compatible API of the registry, when the stack runs one. */
    public Optional<String> registryUrl() {
        return registry.map(SchemaRegistryProcess::url);
    }

    public Optional<Path> registryLog() {
        return registry.map(SchemaRegistryProcess::logFile);
    }

    /** Completes when a server of the stack exits on its own, with a sentence that says which. */
    public CompletableFuture<String> onUnexpectedExit() {
        List<CompletableFuture<String>> exits = new ArrayList<>();
        exits.add(kafka.onExit().thenApply(exited -> "the Kafka broker exited; see " + exited.logFile()));
        registry.ifPresent(server -> exits.add(
                server.onExit().thenApply(exited -> "the schema registry exited; see " + exited.logFile())));
        return CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).thenApply(String.class::cast);
    }

    /** Stops every server at once, giving each {@code grace} before it is killed. */
    public void stop(Duration grace) {
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            threads.submit(() -> kafka.stop(grace));
            registry.ifPresent(server -> threads.submit(() -> server.stop(grace)));
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
