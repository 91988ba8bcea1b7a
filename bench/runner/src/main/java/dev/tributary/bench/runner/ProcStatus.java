package dev.tributary.bench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a process's memory figures from Linux's {@code /proc/<pid>/status}. */
final class ProcStatus {

    private ProcStatus() {
    }

    /** {@code VmHWM}, the peak resident set size, in KiB; -1 when the file or the line is not there. */
    static long peakRssKb(long pid) {
        try {
            return peakRssKb(Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")));
        } catch (IOException e) {
            return -1;
        }
    }

    static long peakRssKb(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        return -1;
    }
}
