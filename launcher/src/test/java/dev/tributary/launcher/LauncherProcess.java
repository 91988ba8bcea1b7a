package dev.tributary.launcher;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The launcher run as its own JVM, as {@code bin/tributary} runs it, on this JVM's classpath, with its output captured
 * line by line. Public for the examples' tests, which run the demo on the built example.
 */
public final class LauncherProcess implements AutoCloseable {

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();

    private LauncherProcess(Process process) {
        this.process = process;
        capture(process.inputReader(StandardCharsets.UTF_8), out, "out");
        capture(process.errorReader(StandardCharsets.UTF_8), err, "err");
    }

    public static LauncherProcess start(String... args) throws IOException {
        return start(Map.of(), args);
    }

    /** The launcher with {@code environment} added to this JVM's own. */
    static LauncherProcess start(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return new LauncherProcess(builder.start());
    }

    void awaitOutput(String line, Duration timeout) {
        await().atMost(timeout)
                .failFast("the launcher exited; its output: " + out + " " + err, () -> !process.isAlive())
                .until(() -> out.stream().anyMatch(l -> l.contains(line)));
    }

    /** Sends a signal by name (INT, TERM) as a terminal or a process manager would. */
    void signal(String name) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed with " + status);
        }
    }

    /** Waits for the launcher to exit and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the launcher did not exit within " + timeout + "; output: " + out + " " + err);
        }
        return process.exitValue();
    }

    /** Every process the launcher started, directly or not, while it is running. */
    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    public List<String> out() {
        return out;
    }

    public List<String> err() {
        return err;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void capture(BufferedReader reader, List<String> lines, String name) {
        Thread.ofPlatform().daemon().name("launcher-" + name).start(() -> {
            try (reader) {
                reader.lines().forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
