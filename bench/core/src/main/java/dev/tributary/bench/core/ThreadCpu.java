package dev.tributary.bench.core;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * A diagnostic for profiling a contender: the CPU time of its platform threads so far, grouped by name with the
 * trailing numbers dropped (the carriers of virtual threads, a pool's workers), printed to the run's log when
 * the JVM runs with {@code -Dbench.threadCpu=true}.
 */
final class ThreadCpu {

    static final String PROPERTY = "bench.threadCpu";

    private ThreadCpu() {
    }

    static void printIfAsked(PrintStream out) {
        if (Boolean.getBoolean(PROPERTY)) {
            print(out);
        }
    }

    static void print(PrintStream out) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new TreeMap<>();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                byName.merge(info.getThreadName().replaceAll("[-#]?\\d+$", ""), cpu, Long::sum);
                total += cpu;
            }
        }
        out.printf("thread CPU (platform threads, ms): total %d%n", total / 1_000_000);
        long all = Math.max(1, total);
        byName.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> out.printf("  %8d ms %5.1f %%  %s%n", entry.getValue() / 1_000_000,
                        entry.getValue() * 100.0 / all, entry.getKey()));
    }
}
