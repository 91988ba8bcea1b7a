package dev.tributary.testkit;

import dev.tributary.embedded.Ports;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

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
    private static final Duration POLL = Duration.ofMillis(20);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 30;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;

    private MosquittoBroker(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stop, "mosquitto-" + port + "-shutdown");
    }

    /** The {@code mosquitto} executable: the first on the PATH, else the one in {@code /usr/sbin}. */
    public static Optional<Path> executable() {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        Stream<Path> onPath = Stream.of(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(Path::of);
        return Stream.concat(onPath, SBIN.stream())
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
        IllegalStateException last = null;
        // The free port is chosen before the broker binds it (mosquitto reads port 0 as a unix socket): another
        // process may take it in between.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return launch(mosquitto, workDir, Ports.freePort(), extraConfig);
            } catch (PortTakenException e) {
                last = e;
            }
        }
        throw last;
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
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs or has run already.
        }
    }

    private void stop() {
        // Closing its standard input makes the wrapper stop the broker; the rest is for a wrapper that hangs.
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed.
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static MosquittoBroker launch(Path mosquitto, Path workDir, int port, List<String> extraConfig) {
        try {
            Files.createDirectories(workDir);
            Path config = workDir.resolve("mosquitto-" + port + ".conf");
            Files.write(config, config(port, extraConfig), StandardCharsets.UTF_8);
            Path logFile = workDir.resolve("mosquitto.log");
            Process process = new ProcessBuilder(command(mosquitto, config))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            MosquittoBroker broker = new MosquittoBroker(process, port, logFile);
            Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
            broker.awaitReady();
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

    /**
     * The broker under {@code sh}, which stops it when its standard input reaches end of file: when this JVM closes
     * it, or exits in any way, even by SIGKILL.
     */
    private static List<String> command(Path mosquitto, Path config) {
        // Background jobs of a non-interactive shell read /dev/null, hence the copy of standard input on fd 3.
        return List.of("sh", "-c", "exec 3<&0; \"$1\" -c \"$2\" & broker=$!; "
                + "(cat <&3 >/dev/null; kill $broker 2>/dev/null) & wait $broker", "mosquitto-wrapper",
                mosquitto.toString(), config.toString());
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                close();
                String tail = logTail();
                if (tail.contains("Address already in use")) {
                    throw new PortTakenException("port " + port + " was taken before mosquitto bound it");
                }
                throw new IllegalStateException("mosquitto exited while starting; the end of " + logFile + ":\n"
                        + tail);
            }
            if (accepts()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                close();
                throw new IllegalStateException("mosquitto did not listen on " + url() + " within " + START_TIMEOUT
                        + "; the end of " + logFile + ":\n" + logTail());
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
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

    private static final class PortTakenException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
