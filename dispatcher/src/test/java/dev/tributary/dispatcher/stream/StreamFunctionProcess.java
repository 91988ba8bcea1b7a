package dev.tributary.dispatcher.stream;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link StreamFunctionProcessMain} in a JVM of its own, with the test classpath, so that a test can kill it as a
 * crash would (SIGKILL). Its stdout and stderr go to one log file, which failure messages quote.
 */
final class StreamFunctionProcess implements AutoCloseable {

    private final String worker;
    private final Process process;
    private final Path log;

    private StreamFunctionProcess(String worker, Process process, Path log) {
        this.worker = worker;
        this.process = process;
        this.log = log;
    }

    /** Starts the JVM and waits until its runner has started. */
    static StreamFunctionProcess start(Path logDir, String worker, List<String> args, Duration timeout)
            throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(worker + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                StreamFunctionProcessMain.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        StreamFunctionProcess child = new StreamFunctionProcess(worker, process, log);
        try {
            await().atMost(timeout).failFast(child::assertAlive).until(() -> child.log().contains("STARTED " + worker));
        } catch (RuntimeException | Error e) {
            child.close();
            throw e;
        }
        return child;
    }

    /** For awaitility's {@code failFast}: a process that died on its own fails the wait at once. */
    void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("stream function process " + worker + " exited with " + process.exitValue()
                    + "; its log:\n" + log());
        }
    }

    /** SIGKILL: no shutdown hook, no commit, no abort of the open transaction, no leaving the group. */
    void kill(Duration timeout) {
        process.destroyForcibly();
        await().atMost(timeout).until(() -> !process.isAlive());
    }

    /** SIGTERM, then waits for the exit; returns the exit code. */
    int terminate(Duration timeout) {
        process.destroy();
        await().atMost(timeout).until(() -> !process.isAlive());
        return process.exitValue();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
