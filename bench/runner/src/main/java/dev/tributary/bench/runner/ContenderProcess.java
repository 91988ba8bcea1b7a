package dev.tributary.bench.runner;

import dev.tributary.bench.core.ContenderArgs;
import dev.tributary.bench.core.Outcome;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One contender JVM: started with the common JVM flags on its module's own classpath, it prints its
 * {@link Outcome} on stdout and keeps committing until its standard input is closed. Its stderr goes to a log
 * file of the run.
 */
final class ContenderProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    private ContenderProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread.ofPlatform().daemon().name("contender-stdout-" + process.pid()).start(this::readStdout);
        process.onExit().thenRun(() -> outcome.completeExceptionally(new IllegalStateException(
                "the contender exited with code " + process.exitValue() + " before reporting; the end of " + log
                        + ":\n" + tail(log))));
    }

    /** The command that starts {@code kind}: the same java and flags for every contender. */
    static List<String> command(Path root, ContenderKind kind, List<String> jvmFlags, ContenderArgs args) {
        Path module = root.resolve("bench").resolve(kind.id()).resolve("target");
        if (!Files.isDirectory(module.resolve("classes")) || !Files.isDirectory(module.resolve("lib"))) {
            throw new IllegalStateException(kind.id() + " is not built: " + module + " has no classes or lib; "
                    + "bench/run builds it");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(module.resolve("classes") + File.pathSeparator + module.resolve("lib") + File.separator + "*");
        command.add(kind.mainClass());
        command.addAll(args.toArgs());
        return command;
    }

    static ContenderProcess start(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ContenderProcess(process, log);
    }

    /** Waits for the contender's result line. */
    Outcome awaitOutcome(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** The contender JVM's peak resident set so far, from {@code /proc/<pid>/status}; -1 where there is none. */
    long peakRssMb() {
        return ProcStatus.peakRssKb(process.pid()) / 1024;
    }

    /** Closes the contender's standard input, which tells it to stop, and kills it if it does not in time. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // It is gone already.
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(Outcome.PREFIX)) {
                    outcome.complete(Outcome.parse(line));
                }
                Files.writeString(log, "stdout: " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            outcome.completeExceptionally(new UncheckedIOException("reading the contender's output failed", e));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
