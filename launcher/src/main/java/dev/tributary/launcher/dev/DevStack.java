package dev.tributary.launcher.dev;

import dev.tributary.embedded.KafkaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded development stack: the servers {@code tributary dev} runs on this machine, all on 127.0.0.1,
 * their data under one directory so that a restart finds its topics again.
 */
public final class DevStack implements AutoCloseable {

    private final KafkaProcess kafka;

    public DevStack(DevStackSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.kafka = KafkaProcess.builder(settings.dataDir().resolve("kafka"))
                .port(settings.kafkaPort())
                .portSetting("--kafka-port")
                .build();
    }

    /**
     * Starts every server and returns once all serve requests. If one fails, those already started are
     * stopped before the exception leaves, so a failed start leaves no process behind.
     */
    public DevStack start() throws InterruptedException {
        kafka.start();
        return this;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Path kafkaLog() {
        return kafka.logFile();
    }

    /** Completes when a server of the stack exits on its own, with a sentence that says which. */
    public CompletableFuture<String> onUnexpectedExit() {
        return kafka.onExit().thenApply(exited -> "the Kafka broker exited; see " + exited.logFile());
    }

    /** Stops every server, giving them {@code grace} in all before they are killed. */
    public void stop(Duration grace) {
        kafka.stop(grace);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
