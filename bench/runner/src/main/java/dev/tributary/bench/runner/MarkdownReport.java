package dev.tributary.bench.runner;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as Markdown: how it was run, the ratios and targets first, then every figure. */
final class MarkdownReport {

    static final List<String> RATIO_COLUMNS = List.of("tributary/raw", "tributary/parallel-consumer",
            "tributary/spring-kafka", "tributary/ideal");

    private MarkdownReport() {
    }

    static String render(RunInfo info, Results results, String chartFile) {
        StringBuilder md = new StringBuilder();
        md.append("# Tributary benchmark, ").append(info.timestamp()).append("\n\n");
        md.append(setup(info)).append('\n');
        md.append("## Ratios\n\n").append(ratioTable(results)).append('\n');
        md.append("## Targets\n\n").append(targetTable(results)).append('\n');
        md.append("## Throughput\n\n").append(throughputTable(results, info)).append('\n');
        if (results.scenarios().stream().anyMatch(Scenario::live)) {
            md.append("## Latency (live runs)\n\n").append(latencyTable(results)).append('\n');
        }
        md.append("![throughput and latency per contender](").append(chartFile).append(")\n\n");
        md.append(notes(cap(info)));
        return md.toString();
    }

    /** The ratio table alone, as {@code bench/run} prints it at the end. */
    static String ratioTable(Results results) {
        StringBuilder table = new StringBuilder("| scenario | " + String.join(" | ", RATIO_COLUMNS) + " |\n");
        table.append("|---").append("|---:".repeat(RATIO_COLUMNS.size())).append("|\n");
        for (Scenario scenario : results.scenarios()) {
            if (scenario.live()) {
                continue;
            }
            Map<String, Double> ratios = results.ratios(scenario);
            table.append("| ").append(scenario.name());
            for (String column : RATIO_COLUMNS) {
                Double value = ratios.get(column);
                table.append(" | ").append(value == null ? "–" : String.format(Locale.ROOT, "%.2f", value));
            }
            table.append(" |\n");
        }
        return table.toString();
    }

    static String targetTable(Results results) {
        StringBuilder table = new StringBuilder("| goal | measured | met |\n|---|---:|---|\n");
        for (Targets.Target target : Targets.evaluate(results)) {
            String met = target.met() == null ? "not measured" : target.met() ? "yes" : "**no**";
            table.append("| ").append(target.goal()).append(" | ").append(target.measured()).append(" | ")
                    .append(met).append(" |\n");
        }
        return table.toString();
    }

    private static String setup(RunInfo info) {
        StringBuilder text = new StringBuilder();
        if (info.quick()) {
            text.append("**Quick run**: record counts scaled down (")
                    .append(info.scenarios().stream().filter(s -> !s.live())
                            .map(s -> s.dataset().name() + " " + String.format(Locale.ROOT, "%,d", s.dataset().records()))
                            .distinct().collect(Collectors.joining(", ")))
                    .append(liveSeconds(info) > 0 ? ", live " + liveSeconds(info) + " s" : "")
                    .append("), ").append(info.repeats() == 1 ? "one run" : info.repeats() + " runs")
                    .append(" per contender: a check of the harness and a quick comparison, not a measurement to quote.\n\n");
        } else {
            text.append("Full run: ").append(info.repeats()).append(" runs per contender and scenario; each figure is "
                    + "the median, the spread is (max - min) / median of the throughput.\n\n");
        }
        if (info.machineWasBusy()) {
            text.append("**Provisional**: the machine was busy with other work (load average ")
                    .append(String.format(Locale.ROOT, "%.1f at the start, %.1f at the end", info.loadAtStart(),
                            info.loadAtEnd()))
                    .append(").\n\n");
        }
        text.append("- Machine: ").append(info.machine()).append("; ").append(info.jdk())
                .append(String.format(Locale.ROOT, "; load average %.1f at the start, %.1f at the end",
                        info.loadAtStart(), info.loadAtEnd())).append('\n');
        text.append("- Broker: one KRaft broker in a child JVM (`").append(String.join(" ", info.brokerJvmFlags()))
                .append("`) on 127.0.0.1; topics of ").append(Scenarios.PARTITIONS).append(" partitions, replication 1\n");
        text.append("- Records: ").append(Scenarios.KEYS).append(" keys, 100-byte values, CloudEvents binary-mode "
                + "headers with a per-key sequence number and the produce time\n");
        text.append("- Contender JVMs: `").append(String.join(" ", info.contenderJvmFlags()))
                .append("`, one at a time; each run a new consumer group from the earliest offset\n");
        text.append("- In-flight cap of Tributary and Parallel Consumer: ")
                .append(cap(info))
                .append(" in every scenario\n");
        text.append("- Elapsed: ").append(info.elapsedText()).append('\n');
        return text.toString();
    }

    private static long liveSeconds(RunInfo info) {
        return info.scenarios().stream().filter(Scenario::live).findFirst()
                .map(s -> s.dataset().liveDuration().toSeconds()).orElse(0L);
    }

    private static String throughputTable(Results results, RunInfo info) {
        StringBuilder table = new StringBuilder("| scenario | contender | records/s | spread | CPU µs/record | "
                + "startup s | order violations | duplicates | lost | lag 0 | peak RSS MB |\n");
        table.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (Scenario scenario : results.scenarios()) {
            if (scenario.live()) {
                continue;
            }
            for (ContenderSummary summary : results.summaries(scenario)) {
                table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d | %d | %s | %s | %s |%n",
                        scenario.name(), summary.contender().id(), number(summary.recordsPerSec(), "%,.0f"),
                        info.repeats() > 1 ? number(summary.spread() * 100, "%.0f %%") : "–",
                        number(summary.cpuMicrosPerRecord(), "%.1f"),
                        number(summary.startupMs() / 1000, "%.1f"), summary.orderViolations(), summary.duplicates(),
                        lost(summary), summary.lagZero() ? "yes" : "**no**", number(summary.peakRssMb(), "%.0f")));
            }
        }
        return table.toString();
    }

    private static String latencyTable(Results results) {
        StringBuilder table = new StringBuilder("| contender | target rate/s | produced rate/s | completed rate/s | "
                + "kept up | p50 ms | p99 ms | p99.9 ms | max ms | order violations | lost | peak RSS MB |\n");
        table.append("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Scenario scenario : results.scenarios()) {
            if (!scenario.live()) {
                continue;
            }
            for (ContenderSummary summary : results.summaries(scenario)) {
                table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %s | %s |%n",
                        summary.contender().id(), number(summary.targetRate(), "%,.0f"),
                        number(summary.producedRate(), "%,.0f"), number(summary.recordsPerSec(), "%,.0f"),
                        summary.keptUp() ? "yes" : "**no**", number(summary.p50Ms(), "%.1f"),
                        number(summary.p99Ms(), "%.1f"), number(summary.p999Ms(), "%.1f"),
                        number(summary.maxMs(), "%.1f"), summary.orderViolations(), lost(summary),
                        number(summary.peakRssMb(), "%.0f")));
            }
        }
        return table.toString();
    }

    private static String lost(ContenderSummary summary) {
        return summary.failedRuns() == 0 ? String.valueOf(summary.lost())
                : summary.lost() + " (" + summary.failedRuns() + " failed run(s))";
    }

    private static int cap(RunInfo info) {
        return info.scenarios().isEmpty() ? Scenarios.CAP : info.scenarios().get(0).cap();
    }

    private static String notes(int cap) {
        return """
                Notes:
                - records/s counts from each contender's first completion to its last; the start-up (JVM start, group
                  join, first fetch) is the separate "startup" column.
                - CPU µs/record is the CPU time of the contender's JVM (all threads: consumer, function, GC, JIT) from its
                  first completion to its last, per record: what a record costs, whatever else runs on the machine.
                - `raw` is one KafkaConsumer poll loop running the function inline: the limit for a free function. It
                  does not run `io5ms`: one thread runs a 5 ms function at 200 records/s by construction. The limit
                  there is `ideal` = cap / function time = %d / 5 ms = %,d records/s.
                - `raw` and `spring-kafka` have no unordered mode: they keep partition order.
                - Spring Kafka: ConcurrentMessageListenerContainer, concurrency %d, record listener, ack mode BATCH.
                  Parallel Consumer: ProcessingOrder KEY or UNORDERED, maxConcurrency = cap, periodic async commits.
                  Tributary: FunctionDispatcher with an InProcessInvoker around an SDK function, concurrency = cap.
                - Live runs produce at half of the contender's own `noop` throughput (at most %,.0f records/s, the
                  loader's limit) for a fixed time; records produced within %d s of the first completion are left
                  out of the latencies (start-up: JIT, first fetches).
                  Latency is completion time minus produce time, both read from the wall clock of one machine.
                  A contender that completes less than 95 %% of the produced rate did not keep up: its latencies
                  then measure a growing backlog.
                - Order violations, duplicates and lost records are the worst run's; every other figure is the median.
                """.formatted(cap, (int) (cap * 1000 / Scenarios.IO_WORK.toMillis()),
                Scenarios.PARTITIONS, Benchmark.MAX_LIVE_RATE, Benchmark.LIVE_WARMUP.toSeconds());
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }
}
