package dev.tributary.launcher.demo;

import dev.tributary.embedded.Ports;
import dev.tributary.embedded.S3Process;
import dev.tributary.launcher.dev.DevStack;
import dev.tributary.launcher.dev.DevStackSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The servers the demo's pipeline runs on, all on 127.0.0.1 with their data under one directory: the development
 * stack (the Kafka broker and the schema registry), and an S3-compatible store that holds the bucket of the
 * {@code aggregate-archive} sink. Only the demo runs the store: {@code tributary dev} users archive to a store of their
 * own, and every other configuration would pay for a server it does not use.
 */
public final class DemoStack {

    private final DevStack dev;
    private final S3Process objectStore;
    private volatile ArchiveBucket archive;

    public DemoStack(Path dataDir) {
        // The registry holds the schema of the Avro telemetry that validate-enrich writes.
        this.dev = new DevStack(new DevStackSettings(dataDir, Ports.freePort(), OptionalInt.of(Ports.freePort())));
        this.objectStore = S3Process.builder(dataDir.resolve("s3")).build();
    }

    /**
     * Starts the servers side by side and creates the archive bucket, which the sink expects to exist. If anything
     * fails, every server is stopped before the exception leaves, so a failed start leaves no process behind.
     */
    public DemoStack start() throws InterruptedException {
        List<Future<?>> starts;
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            starts = List.of(threads.submit(dev::start), threads.submit(objectStore::start));
        }
        for (Future<?> start : starts) {
            try {
                start.get();
            } catch (ExecutionException e) {
                stop(Duration.ofSeconds(5));
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
        try {
            archive = ArchiveBucket.create(objectStore.endpoint(), DemoConfig.ARCHIVE_BUCKET, DemoConfig.ARCHIVE_PREFIX,
                    objectStore.objectsDir().orElseThrow());
        } catch (RuntimeException e) {
            stop(Duration.ofSeconds(5));
            throw e;
        }
        return this;
    }

    public String kafkaBootstrapServers() {
        return dev.kafkaBootstrapServers();
    }

    public Path kafkaLog() {
        return dev.kafkaLog();
    }

    /** The Confluent-compatible API of the schema registry. */
    public URI registryUrl() {
        return dev.registryUrl().map(URI::create).orElseThrow();
    }

    /** The S3 store's port, for the sink's configuration. */
    public int objectStorePort() {
        return objectStore.port();
    }

    /** The bucket the window summaries are archived to; there once {@link #start()} returned. */
    public ArchiveBucket archive() {
        ArchiveBucket created = archive;
        if (created == null) {
            throw new IllegalStateException("the demo's servers have not been started");
        }
        return created;
    }

    /** Completes when a server exits on its own, with a sentence that says which. */
    public CompletableFuture<String> onUnexpectedExit() {
        CompletableFuture<String> store = objectStore.onExit()
                .thenApply(exited -> "the S3 store exited; see " + exited.logFile());
        return dev.onUnexpectedExit().applyToEither(store, reason -> reason);
    }

    /** Stops every server at once, giving each {@code grace} before it is killed. */
    public void stop(Duration grace) {
        ArchiveBucket created = archive;
        if (created != null) {
            created.close();
        }
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            threads.submit(() -> dev.stop(grace));
            threads.submit(() -> objectStore.stop(grace));
        }
    }
}
