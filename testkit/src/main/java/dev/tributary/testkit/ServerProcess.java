package dev.tributary.testkit;

import dev.tributary.embedded.Ports;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A server program run as a child process on a port chosen beforehand, its output appended to a log file. It is
 * stopped by {@link #close()}, by a shutdown hook when the JVM exits, and, should the JVM be killed, by a small shell
 * wrapper that signals it as soon as the JVM's end of its standard input closes.
 */
final class ServerProcess {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 30;

    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;
    private final Duration stopTimeout;
    private final Thread shutdownHook;

    private ServerProcess(String name, int port, Process process, Path logFile, Duration stopTimeout) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
        this.stopTimeout = stopTimeout;
        this.shutdownHook = new Thread(this::stop, name + "-" + port + "-shutdown");
    }

    /**
     * Starts {@code command} under the wrapper, which sends it {@code stopSignal} (such as {@code TERM}) when this
     * JVM closes the wrapper's standard input or exits in any way, even by SIGKILL.
     *
     * @param name        the program's name in messages and thread names, such as {@code postgres}
     * @param stopTimeout how long {@link #close()} waits after the signal before it kills the process
     */
    static ServerProcess start(String name, int port, List<String> command, String stopSignal, Path directory,
                               Path logFile, Duration stopTimeout) throws IOException {
        Process process = new ProcessBuilder(wrapped(name, stopSignal, command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        ServerProcess server = new ServerProcess(name, port, process, logFile, stopTimeout);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        return server;
    }

    /**
     * What {@code launch} returns for a free port, tried again on another port when the one chosen was taken before
     * the server bound it: servers that must know their port before they start cannot bind port 0.
     */
    static <T> T onFreePort(IntFunction<T> launch) {
        PortTakenException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return launch.apply(Ports.freePort());
            } catch (PortTakenException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The folders of the PATH, in order, then {@code more}: where to look for a server's programs. */
    static Stream<Path> searchPath(List<Path> more) {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        Stream<Path> onPath = Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank()).map(Path::of);
        return Stream.concat(onPath, more.stream());
    }

    /**
     * Returns once {@code ready} holds; else stops the server and fails, with the end of its log, when it exits or
     * {@code timeout} passes. A server that exits because its port was taken fails with a
     * {@link PortTakenException}, so {@link #onFreePort} tries another.
     *
     * @param notReady what failed, for the message after the program's name, such as {@code did not listen on ...}
     */
    void awaitReady(BooleanSupplier ready, Duration timeout, String notReady) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                close();
                String tail = logTail(logFile);
                if (tail.contains("Address already in use")) {
                    throw new PortTakenException("port " + port + " was taken before " + name + " bound it");
                }
                throw new IllegalStateException(name + " exited while starting; the end of " + logFile + ":\n"
                        + tail);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                close();
                throw new IllegalStateException(name + " " + notReady + " within " + timeout + "; the end of "
                        + logFile + ":\n" + logTail(logFile));
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server (its stop signal, then SIGKILL after the stop timeout) and waits until it is gone. */
    void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs or has run already.
        }
    }

    /** The last lines of {@code logFile}, for an error message. */
    static String logTail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    private void stop() {
        // Closing its standard input makes the wrapper stop the server; the rest is for a wrapper that hangs.
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed.
        }
        try {
            if (!process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The command under {@code sh}, which signals it when its standard input reaches end of file. The command is
     * started directly by the shell (or replaces itself with the server, as {@code setpriv} does), so the signal
     * reaches the server. The watcher reads the standard input through descriptor 3 because a shell gives a
     * background job /dev/null as its own standard input.
     */
    private static List<String> wrapped(String name, String stopSignal, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c",
                "exec 3<&0; \"$@\" 3<&- & server=$!; (cat <&3 >/dev/null; kill -" + stopSignal
                        + " $server 2>/dev/null) & exec 3<&-; wait $server",
                name + "-wrapper"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The port chosen for a server was taken by another process before the server bound it. */
    static final class PortTakenException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
