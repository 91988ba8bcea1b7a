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
 * A test's {@code main} class running in a JVM of its own, with the test classpath, so that a test can kill it as a
 * crash would (SIGKILL) or stop it as a process manager would (SIGTERM). Its stdout and stderr go to one log file,
 * which failure messages quote; the main class prints {@code STARTED <worker>} once it runs.
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code main} with {@code args} and waits until it has printed that it started.
     *
     * @param jvmOptions options beyond a small serial-collected heap, such as {@code -XX:TieredStopAtLevel=1}
     * @param worker     the name of this child, of its log ({@code <worker>.log} in {@code logDir}) and in messages
     */
    public static ChildJvm start(Class<?> main, List<String> jvmOptions, Path logDir, String worker,
                                 List<String> args, Duration timeout) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(worker + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildJvm child = new ChildJvm(main.getSimpleName() + " " + worker, process, log);
        try {
            await().atMost(timeout).failFast(child::assertAlive).until(() -> child.log().contains("STARTED " + worker));
        } catch (RuntimeException | Error e) {
            child.close();
            throw e;
        }
        return child;
    }

    public long pid() {
        return process.pid();
    }

    /** For awaitility's {@code failFast}: a child that died on its own fails the wait at once. */
    public void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + "; its log:\n" + log());
        }
    }

    /** SIGKILL, as a crash: no shutdown hook, no drain, no last commit, no leaving the group. */
    public void kill(Duration timeout) {
        process.destroyForcibly();
        await().atMost(timeout).until(() -> !process.isAlive());
    }

    /** SIGTERM, then waits for the exit; returns the exit code. */
    public int terminate(Duration timeout) {
        process.destroy();
        await().atMost(timeout).until(() -> !process.isAlive());
        return process.exitValue();
    }

    public String log() {
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
