package dev.tributary.embedded;

import dev.tributary.embedded.internal.ChildJvm;
import dev.tributary.embedded.internal.ChildMain;
import dev.tributary.embedded.internal.S3ProxyJar;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * A real S3 API server, <a href="https://github.com/gaul/s3proxy">s3proxy</a>, in a child JVM on 127.0.0.1. Clients
 * sign requests (AWS signature v2 or v4) with {@link #ACCESS_KEY} and {@link #SECRET_KEY}, in any region, and use
 * path-style addressing ({@code forcePathStyle(true)} in the AWS SDK), since the server has no DNS name for virtual
 * hosts.
 *
 * <p>Objects live as files under {@link #objectsDir()}, in the data directory the caller owns, so a restarted server
 * serves them again; {@link Builder#inMemory()} keeps them in the server's memory instead, gone when it stops. Its
 * configuration and its output ({@link #logFile()}) go to the data directory too. What it does not do: bucket
 * notifications (it accepts no notification configuration), and {@code LastModified} has whole seconds only.
 *
 * <p>The build of this module copies the s3proxy jar into its {@code target/}; it never joins a classpath of this JVM.
 * If this JVM dies, the child notices and exits on its own.
 *
 * <pre>{@code
 * try (S3Process s3 = S3Process.builder(dataDir).build().start()) {
 *     S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true)...
 * }
 * }</pre>
 */
public final class S3Process implements AutoCloseable {

    /** The access key id the server accepts. Well known on purpose: the server listens on the loopback only. */
    public static final String ACCESS_KEY = "tributary-access-key";
    /** The secret access key the server accepts. */
    public static final String SECRET_KEY = "tributary-secret-key";
    /** A region to sign with; the server accepts any. */
    public static final String REGION = "us-east-1";

    private static final String MAIN_CLASS = "org.gaul.s3proxy.Main";
    private static final Duration POLL = Duration.ofMillis(50);

    private final Path dataDir;
    private final int port;
    private final String portSetting;
    private final boolean inMemory;
    private final Duration startTimeout;
    private final ChildJvm jvm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private S3Process(Builder builder) {
        this.dataDir = builder.dataDir.toAbsolutePath();
        this.port = builder.port == 0 ? Ports.freePort() : builder.port;
        this.portSetting = builder.portSetting;
        this.inMemory = builder.inMemory;
        this.startTimeout = builder.startTimeout;
        this.jvm = new ChildJvm("the S3 store on port " + port, dataDir.resolve("s3proxy.log"));
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Starts the server and returns once it answers S3 requests (about 1.5 s).
     *
     * @throws PortInUseException when the port is taken, before the start or by another process while it started;
     *                            nothing runs then
     * @throws ServerStartException when it exits or is not ready in time; it is stopped then
     */
    public synchronized S3Process start() throws InterruptedException {
        Ports.requireFree(port, portSetting);
        Path jar = S3ProxyJar.resolve();
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            jvm.start(dataDir, jvmOptions(), jar + File.pathSeparator + ChildJvm.ownClasspathEntry(),
                    ChildMain.class.getName(), List.of(MAIN_CLASS, "--properties", config.toString()));
        } catch (IOException e) {
            throw new ServerStartException("could not start the S3 store JVM: " + e.getMessage(), e);
        }
        try {
            awaitReady();
        } catch (RuntimeException | InterruptedException e) {
            jvm.kill();
            throw e;
        }
        return this;
    }

    /** The server's base URL, such as {@code http://127.0.0.1:41234}, for {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://" + KafkaNodeConfig.HOST + ":" + port);
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the objects are kept, one directory per bucket; empty when they are kept in memory. */
    public Optional<Path> objectsDir() {
        return inMemory ? Optional.empty() : Optional.of(dataDir.resolve("objects"));
    }

    /** Everything the server printed, across restarts. */
    public Path logFile() {
        return jvm.logFile();
    }

    public synchronized boolean isAlive() {
        return jvm.isAlive();
    }

    /** Completes when the server process exits, for whatever reason; fails if it was never started. */
    public synchronized CompletableFuture<S3Process> onExit() {
        return jvm.onExit().thenApply(exited -> this);
    }

    /** SIGTERM, then SIGKILL after {@code grace}; true when it stopped within the grace period. */
    public synchronized boolean stop(Duration grace) {
        return jvm.stop(grace);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private Path writeConfig() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "s3proxy.endpoint=" + endpoint(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.identity=" + ACCESS_KEY,
                "jclouds.credential=" + SECRET_KEY));
        if (inMemory) {
            lines.add("jclouds.provider=transient");
        } else {
            Path objects = Files.createDirectories(objectsDir().orElseThrow());
            lines.add("jclouds.provider=filesystem-nio2");
            lines.add("jclouds.filesystem.basedir=" + objects);
        }
        Path file = dataDir.resolve("s3proxy.properties");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> jvmOptions() {
        return List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // s3proxy's logback.xml reads these; its status listener would print its configuration at start.
                "-DLOG_LEVEL=warn", "-DJETTY_LOG_LEVEL=warn",
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener");
    }

    /** Any HTTP answer means it serves: an unsigned request is refused with 403. */
    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (!answers()) {
            if (!jvm.isAlive()) {
                String tail = jvm.logTail();
                // The port was free when checked; another process bound it before the server did.
                if (tail.contains("Address already in use")) {
                    throw new PortInUseException(port, portSetting);
                }
                throw new ServerStartException("the S3 store exited while starting; the end of " + logFile() + ":\n"
                        + tail);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ServerStartException("the S3 store did not answer on " + endpoint() + " within "
                        + startTimeout + "; the end of " + logFile() + ":\n" + jvm.logTail());
            }
            LockSupport.parkNanos(POLL.toNanos());
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the S3 store");
            }
        }
    }

    private boolean answers() throws InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Settings of an {@link S3Process}; only the data directory is required. */
    public static final class Builder {
        private final Path dataDir;
        private int port;
        private String portSetting = "the S3 store port setting";
        private boolean inMemory;
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = Ports.checkPort(port);
            return this;
        }

        /** How the user chooses the port, named in the error when it is taken (e.g. {@code --s3-port}). */
        public Builder portSetting(String setting) {
            this.portSetting = Objects.requireNonNull(setting, "setting");
            return this;
        }

        /** Keeps the objects in the server's memory rather than under the data directory: faster, for tests. */
        public Builder inMemory() {
            this.inMemory = true;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public S3Process build() {
            return new S3Process(this);
        }
    }
}
