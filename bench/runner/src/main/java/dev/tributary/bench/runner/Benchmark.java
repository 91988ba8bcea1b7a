package dev.tributary.bench.runner;

import dev.tributary.bench.core.ContenderArgs;
import dev.tributary.bench.core.MicroClock;
import dev.tributary.bench.core.Outcome;
import dev.tributary.bench.runner.Scenario.Dataset;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Runs the scenarios on one broker: loads each backlog once, then runs the contenders of a scenario in turn, one
 * JVM at a time, repeating the round so that a slow patch of a shared machine spreads over all contenders
 * rather than hitting one.
 */
final class Benchmark {

    /** Every contender JVM gets exactly these flags (plus BENCH_JVM_OPTS, for all alike). */
    static final List<String> JVM_FLAGS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC");
    /** Without a progress report for this long, a contender has lost records (or stalled) and reports what it has. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    /** The live run's rate when {@code noop} gave none to halve. */
    static final double DEFAULT_LIVE_RATE = 10_000;
    /** The live loader's own limit on one machine shared with the broker and the contender. */
    static final double MAX_LIVE_RATE = 50_000;
    /**
     * Records produced within this time of a live run's first completion are left out of the latency figures: the
     * contender's JIT and first fetches are start-up, not the latency of a running service.
     */
    static final Duration LIVE_WARMUP = Duration.ofSeconds(2);

    private final BenchOptions options;
    private final BrokerSession broker;
    private final Path logDir;
    private final String runId;
    private final PrintStream out;
    private final Results results = new Results();
    private final Set<String> loaded = new HashSet<>();

    Benchmark(BenchOptions options, BrokerSession broker, Path logDir, String runId, PrintStream out) {
        this.options = options;
        this.broker = broker;
        this.logDir = logDir;
        this.runId = runId;
        this.out = out;
    }

    List<String> jvmFlags() {
        List<String> flags = new ArrayList<>(JVM_FLAGS);
        flags.addAll(options.extraJvmOptions());
        return flags;
    }

    Results run(List<Scenario> scenarios) throws InterruptedException, IOException {
        for (Scenario scenario : scenarios) {
            List<ContenderKind> contenders = scenario.contenders().stream().filter(options::runs).toList();
            if (contenders.isEmpty()) {
                continue;
            }
            out.printf(Locale.ROOT, "%n== %s: %s%n", scenario.name(), scenario.description());
            if (!scenario.live()) {
                load(scenario.dataset());
            }
            for (int repeat = 1; repeat <= options.repeats(); repeat++) {
                for (ContenderKind contender : contenders) {
                    RunResult result = scenario.live() ? runLive(scenario, contender, repeat)
                            : runBacklog(scenario, contender, repeat);
                    results.add(scenario, result);
                    out.println(Progress.line(scenario, result, options.repeats()));
                }
            }
        }
        return results;
    }

    private void load(Dataset dataset) throws InterruptedException {
        if (!loaded.add(dataset.topic())) {
            return;
        }
        broker.topics().create(dataset.topic(), Scenarios.PARTITIONS);
        KeyedLoader.Load load = broker.loader().backlog(dataset.topic(), dataset.records());
        out.printf(Locale.ROOT, "   loaded %,d records into %s in %.1f s (%,.0f records/s)%n", load.records(),
                dataset.topic(), load.seconds(), load.recordsPerSec());
    }

    private RunResult runBacklog(Scenario scenario, ContenderKind contender, int repeat)
            throws InterruptedException, IOException {
        String topic = scenario.dataset().topic();
        ContenderArgs args = args(scenario, contender, repeat, topic, scenario.dataset().records(), Duration.ZERO);
        long launched = MicroClock.SYSTEM.nowMicros();
        try (ContenderProcess process = ContenderProcess.start(
                ContenderProcess.command(options.root(), contender, jvmFlags(), args), log(scenario, contender, repeat))) {
            return finish(scenario, contender, repeat, process, args, launched, Double.NaN, Double.NaN);
        }
    }

    private RunResult runLive(Scenario scenario, ContenderKind contender, int repeat)
            throws InterruptedException, IOException {
        double rate = liveRate(contender);
        long records = Math.max(1, Math.round(rate * scenario.dataset().liveDuration().toSeconds()));
        String topic = "bench-live-" + runId + "-" + contender.id() + "-" + repeat;
        broker.topics().create(topic, Scenarios.PARTITIONS);
        ContenderArgs args = args(scenario, contender, repeat, topic, records, LIVE_WARMUP);
        long launched = MicroClock.SYSTEM.nowMicros();
        try (ContenderProcess process = ContenderProcess.start(
                ContenderProcess.command(options.root(), contender, jvmFlags(), args), log(scenario, contender, repeat))) {
            // Produce only once the group has settled, so that the latencies do not measure its start-up.
            if (!broker.probe().awaitSettled(args.group(), Scenarios.PARTITIONS, Duration.ofSeconds(2),
                    Duration.ofSeconds(90))) {
                return RunResult.failed(scenario.name(), contender, repeat, process.peakRssMb(),
                        "its group did not settle on every partition within 90 s");
            }
            KeyedLoader.Load load = broker.loader().live(topic, records, rate);
            return finish(scenario, contender, repeat, process, args, launched, rate, load.recordsPerSec());
        }
    }

    private RunResult finish(Scenario scenario, ContenderKind contender, int repeat, ContenderProcess process,
                             ContenderArgs args, long launched, double targetRate, double producedRate)
            throws InterruptedException {
        Outcome outcome;
        try {
            outcome = process.awaitOutcome(runTimeout(args));
        } catch (TimeoutException e) {
            return RunResult.failed(scenario.name(), contender, repeat, process.peakRssMb(),
                    "no result within " + runTimeout(args));
        } catch (IllegalStateException e) {
            return RunResult.failed(scenario.name(), contender, repeat, process.peakRssMb(), e.getMessage());
        }
        GroupProbe.Commits commits = broker.probe().awaitCommitted(args.group(), args.topic(), Scenarios.PARTITIONS,
                Duration.ofSeconds(30));
        long peakRss = process.peakRssMb();
        return new RunResult(scenario.name(), contender, repeat, outcome, launched, commits.zero(), commits.lag(),
                commits.waitedMs(), peakRss, targetRate, producedRate, null);
    }

    private ContenderArgs args(Scenario scenario, ContenderKind contender, int repeat, String topic, long expected,
                               Duration warmup) {
        String group = contender.consumerGroup("bench-" + runId + "-" + scenario.name() + "-" + contender.id() + "-"
                + repeat);
        return new ContenderArgs(broker.bootstrapServers(), topic, group, scenario.ordering(), scenario.cap(),
                scenario.work(), Scenarios.KEYS, expected, warmup, STALL_TIMEOUT);
    }

    /** Half of the contender's median {@code noop} throughput in this benchmark, within the loader's limit. */
    private double liveRate(ContenderKind contender) {
        if (options.liveRate().isPresent()) {
            return options.liveRate().getAsDouble();
        }
        double noop = results.scenario("noop").flatMap(s -> results.summary(s, contender))
                .map(ContenderSummary::recordsPerSec).orElse(Double.NaN);
        double rate = Double.isNaN(noop) ? DEFAULT_LIVE_RATE : noop / 2;
        return Math.min(MAX_LIVE_RATE, Math.max(100, Math.floor(rate)));
    }

    /** A generous bound: a run that has not reported by then is stuck in a way the stall timeout did not catch. */
    private static Duration runTimeout(ContenderArgs args) {
        return Duration.ofMinutes(10).plus(args.stallTimeout());
    }

    private Path log(Scenario scenario, ContenderKind contender, int repeat) {
        return logDir.resolve(scenario.name() + "-" + contender.id() + "-" + repeat + ".log");
    }
}
