package dev.tributary.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One server JVM started by this one: the same {@code java} as the parent, output appended to a log file,
 * stopped with SIGTERM and a grace period or killed with SIGKILL. Not thread-safe; its owner synchronizes.
 */
public final class ChildJvm {

    private static final int LOG_TAIL_LINES = 30;

    private final String name;
    private final Path logFile;
    private Process process;

    public ChildJvm(String name, Path logFile) {
        this.name = name;
        this.logFile = logFile.toAbsolutePath();
    }

    /** Starts {@code java jvmOptions... -cp classpath mainClass args...} in {@code workingDir}. */
    public void start(Path workingDir, List<String> jvmOptions, String classpath, String mainClass, List<String> args)
            throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        process = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return started().pid();
    }

    public CompletableFuture<Process> onExit() {
        return started().onExit();
    }

    public Path logFile() {
        return logFile;
    }

    /** Kills with SIGKILL, as a crash would, and waits until the process is gone. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM, then SIGKILL after {@code grace}; true when it stopped within the grace period. */
    public boolean stop(Duration grace) {
        if (!isAlive()) {
            return true;
        }
        process.destroy();
        if (waitForExit(grace)) {
            return true;
        }
        kill();
        return false;
    }

    /** The last lines of the log, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java options that keep a child quiet on JDKs that warn about what Kafka and Netty still do. */
    public static List<String> quietUnsafeOptions() {
        // Kafka unmaps index files through sun.misc.Unsafe; say so instead of a warning per start.
        return Runtime.version().feature() >= 24 ? List.of("--sun-misc-unsafe-memory-access=allow") : List.of();
    }

    /** The classes of this module, for a child whose entry point is one of ours. */
    public static String ownClasspathEntry() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + ChildJvm.class.getName(), e);
        }
    }

    private Process started() {
        if (process == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        return process;
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
