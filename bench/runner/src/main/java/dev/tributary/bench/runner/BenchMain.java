package dev.tributary.bench.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code bench/run}: starts a broker, runs the scenarios and writes {@code bench/results/<timestamp>.md},
 * {@code .json} and {@code .svg}, then prints the ratio table. Exit codes: 0 done (whether or not the targets
 * were met), 1 the benchmark could not run, 2 usage error.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        BenchOptions options;
        List<Scenario> scenarios;
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                System.out.print(BenchOptions.USAGE);
                return;
            }
            options = BenchOptions.parse(root, args, System.getenv("BENCH_JVM_OPTS"));
            scenarios = Scenarios.select(options.quick(), options.cap().orElse(Scenarios.CAP), options.scenarios());
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options, scenarios, System.out);
        } catch (Exception e) {
            System.err.println("bench: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(BenchOptions options, List<Scenario> scenarios, PrintStream out)
            throws IOException, InterruptedException {
        String timestamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss"));
        Path target = options.root().resolve("bench").resolve("target");
        Path logDir = target.resolve("bench-logs").resolve(timestamp);
        double loadAtStart = RunInfo.loadAverage();
        long started = System.nanoTime();
        out.printf("bench: %s run, %d run(s) per contender; logs in %s%n", options.quick() ? "quick" : "full",
                options.repeats(), logDir);
        Results results;
        Benchmark benchmark;
        try (BrokerSession broker = BrokerSession.start(target.resolve("bench-broker"))) {
            out.println("bench: broker on " + broker.bootstrapServers() + " (log " + broker.logFile() + ")");
            benchmark = new Benchmark(options, broker, logDir, timestamp.replace(":", ""), out);
            results = benchmark.run(scenarios);
        }
        RunInfo info = new RunInfo(timestamp, options.quick(), options.repeats(), results.scenarios(),
                benchmark.jvmFlags(), BrokerSession.BROKER_JVM_FLAGS, RunInfo.describeMachine(), RunInfo.describeJdk(),
                loadAtStart, RunInfo.loadAverage(), Duration.ofNanos(System.nanoTime() - started));

        Path resultsDir = options.root().resolve("bench").resolve("results");
        Files.createDirectories(resultsDir);
        Path markdown = resultsDir.resolve(timestamp + ".md");
        Path json = resultsDir.resolve(timestamp + ".json");
        Path chart = resultsDir.resolve(timestamp + ".svg");
        Files.writeString(chart, SvgChart.render(info, results), StandardCharsets.UTF_8);
        Files.writeString(json, JsonReport.render(info, results), StandardCharsets.UTF_8);
        Files.writeString(markdown, MarkdownReport.render(info, results, chart.getFileName().toString()),
                StandardCharsets.UTF_8);

        out.println();
        out.println("Ratios (median records/s of tributary over the other):");
        out.println();
        out.print(MarkdownReport.ratioTable(results));
        out.println();
        out.print(MarkdownReport.targetTable(results));
        out.println();
        out.println("bench: " + info.elapsedText() + "; report " + markdown + " (and .json, .svg)");
    }
}
