package dev.tributary.embedded;

import dev.tributary.embedded.internal.BrokerClasspath;
import dev.tributary.embedded.internal.BrokerMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker in a child JVM with its own classpath, bound to 127.0.0.1.
 *
 * <p>Its data lives in a directory the caller owns, so a broker that is stopped, or killed with SIGKILL,
 * starts again on the same records with {@link #start()}. The broker port is fixed when the object is
 * built; the controller port is chosen afresh at each start. The child's output goes to
 * {@link #logFile()}. If this JVM dies, the child notices and shuts down on its own.
 *
 * <pre>{@code
 * try (KafkaProcess kafka = KafkaProcess.builder(dataDir).port(19092).build().start()) {
 *     produceTo(kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class KafkaProcess implements AutoCloseable {

    private static final int LOG_TAIL_LINES = 30;

    private final Path dataDir;
    private final int port;
    private final String portSetting;
    private final Map<String, String> serverProperties;
    private final List<String> jvmOptions;
    private final Duration startTimeout;
    private Process process;

    private KafkaProcess(Builder builder) {
        this.dataDir = builder.dataDir.toAbsolutePath();
        this.port = builder.port == 0 ? Ports.freePort() : builder.port;
        this.portSetting = builder.portSetting;
        this.serverProperties = Map.copyOf(builder.serverProperties);
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.startTimeout = builder.startTimeout;
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Starts the broker and returns once it serves metadata.
     *
     * @throws PortInUseException when the broker port is taken; nothing is started then
     * @throws ServerStartException when the broker exits or is not ready in time; it is stopped then
     */
    public synchronized KafkaProcess start() throws InterruptedException {
        if (isAlive()) {
            throw new IllegalStateException("the broker on port " + port + " is already running");
        }
        Ports.requireFree(port, portSetting);
        try {
            process = launch();
        } catch (IOException e) {
            throw new ServerStartException("could not start the Kafka broker JVM: " + e.getMessage(), e);
        }
        try {
            KafkaReadiness.await(bootstrapServers(), 1, startTimeout, process::isAlive);
        } catch (TimeoutException | IllegalStateException e) {
            kill();
            throw new ServerStartException(e.getMessage() + "; the end of " + logFile() + ":\n" + logTail(), e);
        } catch (InterruptedException e) {
            kill();
            throw e;
        }
        return this;
    }

    public String bootstrapServers() {
        return KafkaNodeConfig.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Everything the broker JVM printed, across restarts. */
    public Path logFile() {
        return dataDir.resolve("kafka.log");
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("the broker has not been started");
        }
        return process.pid();
    }

    /** Completes when the broker process exits, for whatever reason; fails if it was never started. */
    public synchronized CompletableFuture<KafkaProcess> onExit() {
        if (process == null) {
            throw new IllegalStateException("the broker has not been started");
        }
        return process.onExit().thenApply(exited -> this);
    }

    /** Kills the broker with SIGKILL, as a crash would, and waits until it is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /**
     * Asks the broker to shut down (SIGTERM, a controlled shutdown) and waits up to {@code grace} for it,
     * then kills it. Returns true when it stopped within the grace period.
     */
    public synchronized boolean stop(Duration grace) {
        if (!isAlive()) {
            return true;
        }
        process.destroy();
        if (waitForExit(grace)) {
            return true;
        }
        kill();
        return false;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private Process launch() throws IOException {
        Files.createDirectories(dataDir);
        KafkaNodeConfig node = KafkaNodeConfig.combined(1, port, Ports.freePort(), dataDir.resolve("kafka-logs"))
                .withAll(serverProperties);
        Path config = node.writeTo(dataDir.resolve("server.properties"));
        Path log4j = writeLogConfig();

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (Runtime.version().feature() >= 24) {
            // Kafka unmaps index files through sun.misc.Unsafe; say so instead of a warning per start.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        command.add("-cp");
        command.add(BrokerClasspath.resolve());
        command.add(BrokerMain.class.getName());
        command.add(config.toString());
        command.add(Uuid.randomUuid().toString());
        return new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
    }

    private Path writeLogConfig() throws IOException {
        Path file = dataDir.resolve("log4j2.properties");
        Files.writeString(file, """
                rootLogger.level = INFO
                rootLogger.appenderRef.stdout.ref = STDOUT
                appender.stdout.type = Console
                appender.stdout.name = STDOUT
                appender.stdout.layout.type = PatternLayout
                appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                logger.kafka.name = kafka
                logger.kafka.level = WARN
                logger.kafka-server.name = org.apache.kafka
                logger.kafka-server.level = WARN
                logger.startup.name = kafka.server.KafkaRaftServer
                logger.startup.level = INFO
                """, StandardCharsets.UTF_8);
        return file;
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings of a {@link KafkaProcess}; only the data directory is required. */
    public static final class Builder {
        private final Path dataDir;
        private int port;
        private String portSetting = "the broker port setting";
        private final Map<String, String> serverProperties = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xms128m", "-Xmx768m", "-XX:+UseG1GC"));
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** The broker port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** How the user chooses the port, named in the error when it is taken (e.g. {@code --kafka-port}). */
        public Builder portSetting(String setting) {
            this.portSetting = Objects.requireNonNull(setting, "setting");
            return this;
        }

        public Builder serverProperty(String name, String value) {
            serverProperties.put(name, value);
            return this;
        }

        /** Replaces the default JVM options of the broker (heap size, collector). */
        public Builder jvmOptions(List<String> options) {
            jvmOptions.clear();
            jvmOptions.addAll(options);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public KafkaProcess build() {
            return new KafkaProcess(this);
        }
    }
}
