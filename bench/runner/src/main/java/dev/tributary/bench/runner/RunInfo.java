package dev.tributary.bench.runner;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How a benchmark was run, for the report: when, on what, with which flags, and how busy the machine was (the
 * figures of a run on a machine others were using are provisional).
 */
record RunInfo(String timestamp, boolean quick, int repeats, List<Scenario> scenarios, List<String> contenderJvmFlags,
               List<String> brokerJvmFlags, String machine, String jdk, double loadAtStart, double loadAtEnd,
               Duration elapsed) {

    static String describeMachine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + memoryGib() + " GiB memory, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
    }

    static String describeJdk() {
        return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    String mode() {
        return quick ? "quick" : "full";
    }

    String elapsedText() {
        return String.format(Locale.ROOT, "%d min %02d s", elapsed.toMinutes(), elapsed.toSecondsPart());
    }

    /** Whether the machine looked busy with other work: a load above its cores when a run began or ended. */
    boolean machineWasBusy() {
        int cores = Runtime.getRuntime().availableProcessors();
        return loadAtStart > cores || loadAtEnd > cores * 2;
    }

    private static long memoryGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Math.round(kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: say nothing precise.
        }
        return Math.round(Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0 / 1024.0);
    }
}
