package dev.tributary.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A real MQTT broker for tests: Debian's {@code mosquitto} (MQTT 3.1, 3.1.1 and 5, shared subscriptions) as a child
 * process on 127.0.0.1 and a free port, anonymous access, sessions in memory. It starts in milliseconds, so each test
 * class can have its own.
 *
 * <p>The broker is stopped by {@link #close()}, by a shutdown hook when the JVM exits, and, should the JVM be killed,
 * by a small shell wrapper that stops it as soon as the JVM's end of its standard input closes.
 *
 * <pre>{@code
 * try (MosquittoBroker broker = MosquittoBroker.start(workDir, List.of("max_inflight_messages 10"))) {
 *     client.serverHost(broker.host()).serverPort(broker.port());
 * }
 * }</pre>
 */
public final class MosquittoBroker implements AutoCloseable {

    /** What to do when the broker is not installed; tests that need it are skipped with this message. */
    public static final String NOT_FOUND = "mosquitto not found on PATH: apt-get install mosquitto";
    /** The address the broker listens on. */
    public static final String HOST = "127.0.0.1";

    /** Debian installs the broker in sbin, which is not on the PATH of every user. */
    private static final List<Path> SBIN = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final ServerProcess process;
    private final int port;
    private final Path logFile;

    private MosquittoBroker(ServerProcess process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** The {@code mosquitto} executable: the first on the PATH, else the one in {@code /usr/sbin}. */
    public static Optional<Path> executable() {
        return ServerProcess.searchPath(SBIN)
                .map(dir -> dir.resolve("mosquitto"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts a broker and returns once it accepts connections.
     *
     * @param workDir     where its configuration and log ({@code mosquitto.log}) go
     * @param extraConfig further lines of {@code mosquitto.conf}, such as {@code max_inflight_messages 10}
     * @throws IllegalStateException when mosquitto is not installed ({@link #NOT_FOUND}) or does not start; the
     *                               message then holds the end of its log
     */
    public static MosquittoBroker start(Path workDir, List<String> extraConfig) {
        Path mosquitto = executable().orElseThrow(() -> new IllegalStateException(NOT_FOUND));
        // mosquitto reads port 0 as a unix socket, so the port is chosen before it binds it.
        return ServerProcess.onFreePort(port -> launch(mosquitto, workDir, port, extraConfig));
    }

    /** A broker with the default configuration. */
    public static MosquittoBroker start(Path workDir) {
        return start(workDir, List.of());
    }

    /** The broker's URL, such as {@code mqtt://127.0.0.1:41883}. */
    public String url() {
        return "mqtt://" + HOST + ":" + port;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the broker (SIGTERM, then SIGKILL after five seconds) and waits until it is gone. */
    @Override
    public void close() {
        process.close();
    }

    private static MosquittoBroker launch(Path mosquitto, Path workDir, int port, List<String> extraConfig) {
        try {
            Files.createDirectories(workDir);
            Path config = workDir.resolve("mosquitto-" + port + ".conf");
            Files.write(config, config(port, extraConfig), StandardCharsets.UTF_8);
            Path logFile = workDir.resolve("mosquitto.log");
            ServerProcess process = ServerProcess.start("mosquitto", port,
                    List.of(mosquitto.toString(), "-c", config.toString()), "TERM", workDir, logFile, STOP_TIMEOUT);
            MosquittoBroker broker = new MosquittoBroker(process, port, logFile);
            process.awaitReady(broker::accepts, START_TIMEOUT, "did not listen on " + broker.url());
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start mosquitto in " + workDir, e);
        }
    }

    private static List<String> config(int port, List<String> extraConfig) {
        List<String> lines = new ArrayList<>(List.of(
                "listener " + port + " " + HOST,
                "allow_anonymous true",
                "persistence false",
                // Started as root, mosquitto would switch to the 'mosquitto' user, which cannot read a private
                // temporary directory; as any other user this line has no effect.
                "user " + System.getProperty("user.name"),
                // Room for what a test publishes while a subscriber is stopped or slow.
                "max_queued_messages 100000",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice"));
        lines.addAll(Objects.requireNonNull(extraConfig, "extraConfig"));
        return lines;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
