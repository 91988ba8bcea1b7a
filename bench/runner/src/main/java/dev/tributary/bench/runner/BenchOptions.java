package dev.tributary.bench.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The command line of {@code bench/run}.
 *
 * @param root        the checkout, where the contenders' modules are built
 * @param quick       smaller record counts and one run per scenario, to check the harness end to end
 * @param scenarios   the scenarios to run; empty for all
 * @param contenders  the contenders to run; empty for all
 * @param repeats     runs per scenario and contender; the report gives the median and the spread
 * @param liveRate    a fixed rate for the live run, instead of half of each contender's {@code noop} throughput
 * @param cap         an in-flight cap for every scenario instead of {@value Scenarios#CAP}, to see how it matters
 * @param extraJvmOptions appended to every contender's JVM flags (for example a JFR recording)
 */
record BenchOptions(Path root, boolean quick, List<String> scenarios, List<ContenderKind> contenders, int repeats,
                    OptionalDouble liveRate, OptionalInt cap, List<String> extraJvmOptions) {

    static final String USAGE = """
            usage: bench/run [--quick] [--scenario NAME[,NAME...]] [--contender NAME[,NAME...]] [--repeats N]
                             [--live-rate RECORDS_PER_SEC] [--cap N]
              --quick       smaller record counts and one run each; finishes in a few minutes
              --scenario    noop, noop-unordered, io5ms, io5ms-unordered, live (default: all)
              --contender   raw, tributary, parallel-consumer, spring-kafka (default: all)
              --repeats     runs per scenario and contender (default: 3, or 1 with --quick)
              --live-rate   produce the live run at this rate for every contender
              --cap         in-flight cap of Tributary and Parallel Consumer (default: 100)
            Environment: BENCH_JVM_OPTS is appended to every contender's JVM flags.
            """;

    static BenchOptions parse(Path root, String[] args, String extraJvmOptions) {
        boolean quick = false;
        List<String> scenarios = new ArrayList<>();
        List<ContenderKind> contenders = new ArrayList<>();
        Integer repeats = null;
        OptionalDouble liveRate = OptionalDouble.empty();
        OptionalInt cap = OptionalInt.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--scenario" -> scenarios.addAll(List.of(value(args, ++i, arg).split(",")));
                case "--contender" -> {
                    for (String id : value(args, ++i, arg).split(",")) {
                        contenders.add(ContenderKind.byId(id));
                    }
                }
                case "--repeats" -> repeats = positive(value(args, ++i, arg), arg);
                case "--live-rate" -> liveRate = OptionalDouble.of(positive(value(args, ++i, arg), arg));
                case "--cap" -> cap = OptionalInt.of(positive(value(args, ++i, arg), arg));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        List<String> jvm = extraJvmOptions == null || extraJvmOptions.isBlank()
                ? List.of() : List.of(extraJvmOptions.trim().split("\\s+"));
        return new BenchOptions(root, quick, List.copyOf(scenarios), List.copyOf(contenders),
                repeats == null ? (quick ? 1 : 3) : repeats, liveRate, cap, jvm);
    }

    boolean runs(ContenderKind kind) {
        return contenders.isEmpty() || contenders.contains(kind);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String text, String option) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " " + text + ": expected a whole number above 0");
    }
}
