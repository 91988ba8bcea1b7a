package dev.tributary.bench.ingest;

import java.io.BufferedReader;
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
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A child JVM of the benchmark. Its stdout lines are kept in its log and handed, in order, to whoever waits for
 * them ({@link #awaitLine}); its stderr goes to the log only. Its CPU time is sampled while it runs, so that the
 * CPU of a JVM that has exited is still known to within the sampling period. Closing it closes its standard
 * input, which asks it to stop, and kills it if it does not.
 */
final class ChildProcess implements AutoCloseable {

    private static final String END_OF_OUTPUT = "\u0000end";
    private static final Duration CPU_SAMPLING = Duration.ofMillis(200);

    private final String name;
    private final Process process;
    private final Path log;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final AtomicReference<Duration> lastCpu = new AtomicReference<>(Duration.ZERO);
    private volatile boolean terminating;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread.ofPlatform().daemon().name(name + "-stdout").start(this::readStdout);
        Thread.ofVirtual().name(name + "-cpu").start(this::sampleCpu);
    }

    static ChildProcess start(String name, List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ChildProcess(name, process, log);
    }

    /** The JVM's CPU time (all threads, user and system) now, or at its last sample once it has exited. */
    Duration cpuTime() {
        sampleCpuOnce();
        return lastCpu.get();
    }

    /**
     * Waits for the next stdout line that {@code wanted} accepts, skipping the others.
     *
     * @throws IllegalStateException when the JVM ends its output first
     * @throws TimeoutException      when no such line comes within {@code timeout}
     */
    String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> line = nextLine(Duration.ofNanos(deadline - System.nanoTime()));
            if (line.isEmpty()) {
                throw new TimeoutException(name + " printed no awaited line within " + timeout.toSeconds()
                        + " s; see " + log);
            }
            if (wanted.test(line.get())) {
                return line.get();
            }
        }
    }

    /**
     * The next stdout line within {@code timeout}, or empty when none came.
     *
     * @throws IllegalStateException when the JVM ended its output
     */
    private Optional<String> nextLine(Duration timeout) throws InterruptedException {
        String line = lines.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        if (END_OF_OUTPUT.equals(line)) {
            lines.add(END_OF_OUTPUT);
            throw new IllegalStateException(name + " ended" + exitText() + " before printing what the benchmark "
                    + "waits for; the end of " + log + ":\n" + tail());
        }
        return Optional.ofNullable(line);
    }

    /**
     * Every stdout line from now until the JVM ends its output.
     *
     * @throws TimeoutException when it has not ended its output within {@code timeout}
     */
    List<String> remainingLines(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> remaining = new ArrayList<>();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new TimeoutException(name + " did not finish within " + timeout.toSeconds() + " s; see " + log);
            }
            if (END_OF_OUTPUT.equals(line)) {
                lines.add(END_OF_OUTPUT);
                return remaining;
            }
            remaining.add(line);
        }
    }

    /** Waits for the JVM to exit on its own; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException(name + " did not finish within " + timeout.toSeconds() + " s; see " + log);
        }
        return process.exitValue();
    }

    /** Asks the JVM to stop with SIGTERM (its shutdown hooks run, a JFR recording is written) and waits. */
    void terminate() throws InterruptedException {
        terminating = true;
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // It is gone already.
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                terminate();
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
                Files.writeString(log, "stdout: " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
                lines.add(line);
            }
        } catch (IOException e) {
            // Terminating a JVM closes its pipe under the reader: that is the end of its output, not a failure.
            if (!terminating) {
                throw new UncheckedIOException("reading the output of " + name + " failed", e);
            }
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }

    private void sampleCpu() {
        while (process.isAlive()) {
            sampleCpuOnce();
            try {
                Thread.sleep(CPU_SAMPLING);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleCpuOnce() {
        process.toHandle().info().totalCpuDuration().ifPresent(lastCpu::set);
    }

    private String exitText() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? " (exit code " + process.exitValue() + ")" : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private String tail() {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
