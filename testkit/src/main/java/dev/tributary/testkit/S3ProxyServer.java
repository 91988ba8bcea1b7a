package dev.tributary.testkit;

import dev.tributary.embedded.Ports;
import dev.tributary.testkit.internal.ExitWithParentMain;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real S3 API server for tests: <a href="https://github.com/gaul/s3proxy">s3proxy</a> with its in-memory
 * {@code transient} store, in a child JVM on 127.0.0.1 and a free port. Clients sign requests (AWS signature v2 or
 * v4) with {@link #ACCESS_KEY} and {@link #SECRET_KEY}, in any region, and must use path-style addressing
 * ({@code forcePathStyle(true)} in the AWS SDK), since the server has no DNS name for virtual hosts.
 *
 * <p>What it does not do: bucket notifications (it accepts no notification configuration), and {@code LastModified}
 * has whole seconds only. Objects live in the server's memory and are gone when it stops. The build of the testkit
 * copies the s3proxy jar into its {@code target/}; it never joins a test's classpath. If the test JVM dies, the
 * server exits on its own.
 *
 * <pre>{@code
 * try (S3ProxyServer s3 = S3ProxyServer.start(logDir)) {
 *     S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true)...
 * }
 * }</pre>
 */
public final class S3ProxyServer implements AutoCloseable {

    /** The access key id the server accepts. */
    public static final String ACCESS_KEY = "tributary-test-access-key";
    /** The secret access key the server accepts. */
    public static final String SECRET_KEY = "tributary-test-secret-key";
    /** A region to sign with; the server accepts any. */
    public static final String REGION = "us-east-1";

    private static final String MAIN_CLASS = "org.gaul.s3proxy.Main";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 30;

    private final Process process;
    private final URI endpoint;
    private final Path logFile;

    private S3ProxyServer(Process process, URI endpoint, Path logFile) {
        this.process = process;
        this.endpoint = endpoint;
        this.logFile = logFile;
    }

    /**
     * Starts a server and returns once it answers HTTP requests (about 1.5 s).
     *
     * @param workDir where its configuration and log ({@code s3proxy.log}) go
     * @throws IllegalStateException when it does not start; the message holds the end of its log
     */
    public static S3ProxyServer start(Path workDir) {
        Path jar = jar();
        IllegalStateException last = null;
        // The free port is chosen before the server binds it: another process may take it in between.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = Ports.freePort();
            try {
                return launch(jar, workDir, port);
            } catch (PortTakenException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The server's base URL, such as {@code http://127.0.0.1:41234}, for {@code endpointOverride}. */
    public URI endpoint() {
        return endpoint;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server (SIGTERM, then SIGKILL after ten seconds) and waits until it is gone. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static S3ProxyServer launch(Path jar, Path workDir, int port) {
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            Files.createDirectories(workDir);
            Path config = workDir.resolve("s3proxy-" + port + ".properties");
            Files.writeString(config, String.join("\n",
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=transient",
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + SECRET_KEY,
                    ""), StandardCharsets.UTF_8);
            Path logFile = workDir.resolve("s3proxy.log");
            Process process = new ProcessBuilder(command(jar, config))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            S3ProxyServer server = new S3ProxyServer(process, endpoint, logFile);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start s3proxy in " + workDir, e);
        }
    }

    private static List<String> command(Path jar, Path config) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // s3proxy's logback.xml reads these; its status listener would print its configuration at start.
                "-DLOG_LEVEL=warn", "-DJETTY_LOG_LEVEL=warn",
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-cp", jar + File.pathSeparator + ownClasspathEntry(),
                ExitWithParentMain.class.getName(), MAIN_CLASS, "--properties", config.toString());
    }

    /** Any HTTP answer means it listens: an unsigned request is refused with 403. */
    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                String tail = logTail();
                if (tail.contains("Address already in use")) {
                    throw new PortTakenException(endpoint + " was taken before s3proxy bound it");
                }
                throw new IllegalStateException("s3proxy exited while starting; the end of " + logFile + ":\n" + tail);
            }
            try {
                http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for s3proxy", e);
            }
            if (System.nanoTime() - deadline > 0) {
                close();
                throw new IllegalStateException("s3proxy did not answer on " + endpoint + " within " + START_TIMEOUT
                        + "; the end of " + logFile + ":\n" + logTail());
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    private static Path jar() {
        Properties properties = new Properties();
        try (InputStream in = S3ProxyServer.class.getResourceAsStream("s3proxy.properties")) {
            if (in == null) {
                throw new IllegalStateException("s3proxy.properties is missing from the testkit; build it with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path jar = Path.of(properties.getProperty("jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("s3proxy " + properties.getProperty("version") + " is not at " + jar
                    + "; build the testkit with './mvnw -pl testkit install -DskipTests' so Maven fetches it");
        }
        return jar;
    }

    /** The testkit's own classes, which hold the child's entry point. */
    private static String ownClasspathEntry() {
        try {
            return Path.of(ExitWithParentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + ExitWithParentMain.class.getName(), e);
        }
    }

    private static final class PortTakenException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
