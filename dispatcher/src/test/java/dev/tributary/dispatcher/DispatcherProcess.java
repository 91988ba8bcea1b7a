package dev.tributary.dispatcher;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DispatcherProcessMain} running in a JVM of its own, with the test classpath, so that a test can kill
 * it as a crash would (SIGKILL) or stop it as a process manager would (SIGTERM). Its stdout and stderr go to
 * one log file, which failure messages quote.
 */
final class DispatcherProcess implements AutoCloseable {

    private final String worker;
    private final Process process;
    private final Path log;

    private DispatcherProcess(String worker, Process process, Path log) {
        this.worker = worker;
        this.process = process;
        this.log = log;
    }

    /** Starts the JVM and waits until its dispatcher runs. */
    static DispatcherProcess start(Path logDir, String worker, List<String> args, Duration timeout)
            throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(worker + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                DispatcherProcessMain.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DispatcherProcess child = new DispatcherProcess(worker, process, log);
        try {
            await().atMost(timeout).failFast(child::assertAlive).until(() -> child.log().contains("STARTED " + worker));
        } catch (RuntimeException | Error e) {
            child.close();
            throw e;
        }
        return child;
    }

    String worker() {
        return worker;
    }

    long pid() {
        return process.pid();
    }

    /** For awaitility's {@code failFast}: a dispatcher that died on its own fails the wait at once. */
    void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("dispatcher " + worker + " exited with " + process.exitValue() + "; its log:\n"
                    + log());
        }
    }

    /** SIGKILL: no shutdown hook, no drain, no last commit, no leaving the group. */
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
