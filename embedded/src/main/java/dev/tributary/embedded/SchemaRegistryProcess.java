package dev.tributary.embedded;

import dev.tributary.embedded.internal.ChildJvm;
import dev.tributary.embedded.internal.ChildMain;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarFile;

/**
 * A real schema registry, Apicurio Registry with in-memory storage, in a child JVM on 127.0.0.1. Clients
 * speak the Confluent Schema Registry REST API to {@link #url()}. Its default compatibility is set to
 * BACKWARD at start, as Confluent's is; schemas do not survive a restart.
 *
 * <p>The build of this module fetches and unpacks the registry; if this JVM dies, the child notices and
 * exits on its own.
 */
public final class SchemaRegistryProcess implements AutoCloseable {

    /** The path of the Confluent-compatible API under the registry's root. */
    public static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration POLL = Duration.ofMillis(100);

    private final int port;
    private final String portSetting;
    private final Duration startTimeout;
    private final ChildJvm jvm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SchemaRegistryProcess(Builder builder) {
        this.port = builder.port == 0 ? Ports.freePort() : builder.port;
        this.portSetting = builder.portSetting;
        this.startTimeout = builder.startTimeout;
        this.jvm = new ChildJvm("the schema registry on port " + port, builder.logFile);
    }

    public static Builder builder(Path logFile) {
        return new Builder(logFile);
    }

    /**
     * Starts the registry and returns once it answers on the Confluent API with BACKWARD compatibility set.
     *
     * @throws PortInUseException when the port is taken; nothing is started then
     * @throws ServerStartException when it exits or is not ready in time; it is stopped then
     */
    public synchronized SchemaRegistryProcess start() throws InterruptedException {
        Ports.requireFree(port, portSetting);
        Path home = home();
        try {
            jvm.start(home, jvmOptions(), home.resolve(runnerJar()) + File.pathSeparator
                    + ChildJvm.ownClasspathEntry(), ChildMain.class.getName(), List.of(mainClass(home)));
        } catch (IOException e) {
            throw new ServerStartException("could not start the schema registry JVM: " + e.getMessage(), e);
        }
        try {
            awaitReady();
            put("/config", "{\"compatibility\":\"BACKWARD\"}");
        } catch (ServerStartException e) {
            jvm.kill();
            throw e;
        } catch (InterruptedException e) {
            jvm.kill();
            throw e;
        }
        return this;
    }

    /** The base URL of the Confluent-compatible API, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
    public String url() {
        return "http://" + KafkaNodeConfig.HOST + ":" + port + CONFLUENT_API_PATH;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return jvm.logFile();
    }

    public synchronized boolean isAlive() {
        return jvm.isAlive();
    }

    public synchronized CompletableFuture<SchemaRegistryProcess> onExit() {
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

    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=" + KafkaNodeConfig.HOST, "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN", "-Dquarkus.banner.enabled=false"));
        options.addAll(ChildJvm.quietUnsafeOptions());
        return options;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            if (!jvm.isAlive()) {
                throw new ServerStartException("the schema registry exited while starting; the end of "
                        + logFile() + ":\n" + jvm.logTail());
            }
            if (answers("/subjects")) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ServerStartException("the schema registry was not ready within " + startTimeout
                        + "; the end of " + logFile() + ":\n" + jvm.logTail());
            }
            LockSupport.parkNanos(POLL.toNanos());
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the schema registry");
            }
        }
    }

    private boolean answers(String path) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private void put(String path, String json) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", CONTENT_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ServerStartException("the schema registry answered PUT " + path + " with "
                        + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new ServerStartException("the schema registry did not answer PUT " + path + ": " + e.getMessage(), e);
        }
    }

    private static String runnerJar() {
        return "apicurio-registry-app-" + distribution().getProperty("version") + "-runner.jar";
    }

    /** The runner jar's own entry point, read from its manifest so a new registry version needs no change here. */
    private static String mainClass(Path home) {
        try (JarFile jar = new JarFile(home.resolve(runnerJar()).toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path home() {
        Path home = Path.of(distribution().getProperty("home"));
        if (!Files.exists(home.resolve(runnerJar()))) {
            throw new ServerStartException("the schema registry is not unpacked at " + home
                    + "; build Tributary with './mvnw install -DskipTests' so Maven fetches it");
        }
        return home;
    }

    private static Properties distribution() {
        Properties properties = new Properties();
        try (InputStream in = SchemaRegistryProcess.class.getResourceAsStream("schema-registry.properties")) {
            if (in == null) {
                throw new ServerStartException("schema-registry.properties is missing; build Tributary with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Settings of a {@link SchemaRegistryProcess}; only the log file is required. */
    public static final class Builder {
        private final Path logFile;
        private int port;
        private String portSetting = "the schema registry port setting";
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder(Path logFile) {
            this.logFile = Objects.requireNonNull(logFile, "logFile");
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = Ports.checkPort(port);
            return this;
        }

        /** How the user chooses the port, named in the error when it is taken (e.g. {@code --registry-port}). */
        public Builder portSetting(String setting) {
            this.portSetting = Objects.requireNonNull(setting, "setting");
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public SchemaRegistryProcess build() {
            return new SchemaRegistryProcess(this);
        }
    }
}
