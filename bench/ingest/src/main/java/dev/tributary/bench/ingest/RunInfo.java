package dev.tributary.bench.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How a run went, for the report: when, on what, and how busy the machine was. Figures from a machine that other
 * work keeps busy are provisional.
 */
record RunInfo(String timestamp, boolean quick, Timing timing, String machine, String jdk, int cores,
               double loadAtStart, double loadAtEnd, Duration elapsed) {

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static int machineCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String describeMachine() {
        return machineCores() + " cores, " + memoryGib() + " GiB memory, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    static String describeJdk() {
        return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
    }

    String mode() {
        return quick ? "quick" : "full";
    }

    String elapsedText() {
        return String.format(Locale.ROOT, "%d min %02d s", elapsed.toMinutes(), elapsed.toSecondsPart());
    }

    /**
     * Whether other work was competing for the cores: a one-minute load average above the core count before the
     * run started anything, or above twice the core count at the end (the run itself keeps about every core busy,
     * and the average trails by a minute).
     */
    boolean provisional() {
        return provisional(loadAtStart, loadAtEnd, cores);
    }

    static boolean provisional(double loadAtStart, double loadAtEnd, int cores) {
        return loadAtStart > cores || loadAtEnd > 2.0 * cores;
    }

    private static long memoryGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: say nothing more precise than the heap.
        }
        return Math.round(Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0 / 1024.0);
    }
}
