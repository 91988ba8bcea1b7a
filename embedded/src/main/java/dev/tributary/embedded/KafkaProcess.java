package dev.tributary.embedded;

import dev.tributary.embedded.internal.BrokerClasspath;
import dev.tributary.embedded.internal.BrokerMain;
import dev.tributary.embedded.internal.ChildJvm;
import java.io.IOException;
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

    private final Path dataDir;
    private final int port;
    private final String portSetting;
    private final Map<String, String> serverProperties;
    private final List<String> jvmOptions;
    private final Duration startTimeout;
    private final ChildJvm jvm;

    private KafkaProcess(Builder builder) {
        this.dataDir = builder.dataDir.toAbsolutePath();
        this.port = builder.port == 0 ? Ports.freePort() : builder.port;
        this.portSetting = builder.portSetting;
        this.serverProperties = Map.copyOf(builder.serverProperties);
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.startTimeout = builder.startTimeout;
        this.jvm = new ChildJvm("the Kafka broker on port " + port, dataDir.resolve("kafka.log"));
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
        Ports.requireFree(port, portSetting);
        try {
            launch();
        } catch (IOException e) {
            throw new ServerStartException("could not start the Kafka broker JVM: " + e.getMessage(), e);
        }
        try {
            KafkaReadiness.await(bootstrapServers(), 1, startTimeout, jvm::isAlive);
        } catch (TimeoutException | IllegalStateException e) {
            jvm.kill();
            throw new ServerStartException(e.getMessage() + "; the end of " + logFile() + ":\n" + jvm.logTail(), e);
        } catch (InterruptedException e) {
            jvm.kill();
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
        return jvm.logFile();
    }

    public synchronized boolean isAlive() {
        return jvm.isAlive();
    }

    public synchronized long pid() {
        return jvm.pid();
    }

    /** Completes when the broker process exits, for whatever reason; fails if it was never started. */
    public synchronized CompletableFuture<KafkaProcess> onExit() {
        return jvm.onExit().thenApply(exited -> this);
    }

    /** Kills the broker with SIGKILL, as a crash would, and waits until it is gone. */
    public synchronized void kill() {
        jvm.kill();
    }

    /**
     * Asks the broker to shut down (SIGTERM, a controlled shutdown) and waits up to {@code grace} for it,
     * then kills it. Returns true when it stopped within the grace period.
     */
    public synchronized boolean stop(Duration grace) {
        return jvm.stop(grace);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private void launch() throws IOException {
        Files.createDirectories(dataDir);
        KafkaNodeConfig node = KafkaNodeConfig.combined(1, port, Ports.freePort(), dataDir.resolve("kafka-logs"))
                .withAll(serverProperties);
        Path config = node.writeTo(dataDir.resolve("server.properties"));
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(ChildJvm.quietUnsafeOptions());
        options.add("-Dlog4j2.configurationFile=" + writeLogConfig().toUri());
        jvm.start(dataDir, options, BrokerClasspath.resolve(), BrokerMain.class.getName(),
                List.of(config.toString(), Uuid.randomUuid().toString()));
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
            this.port = Ports.checkPort(port);
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
