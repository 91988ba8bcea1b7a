package dev.tributary.bench.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of {@code bench/run-ingest}.
 *
 * @param root  the checkout
 * @param quick shorter windows, for a check of the harness
 * @param jfr   record every contender JVM with JFR ({@code settings=profile}) into the run's log folder
 */
record IngestOptions(Path root, boolean quick, boolean jfr) {

    static final String USAGE = """
            usage: bench/run-ingest [--quick] [--jfr]

              --quick   %d s measured per contender after %d s of warm-up: under 3 minutes, a check of the harness
                        (default: %d s measured after %d s of warm-up, under 10 minutes)
              --jfr     record each adapter, load generator and ProducerPerformance JVM with JFR into the run's
                        log folder (bench/ingest/target/logs/<timestamp>/<jvm>.jfr)

            Writes bench/results/ingest-<timestamp>.md and .json and prints the ratio table.
            """.formatted(Timing.QUICK.measure().toSeconds(), Timing.QUICK.adapterWarmup().toSeconds(),
            Timing.FULL.measure().toSeconds(), Timing.FULL.adapterWarmup().toSeconds());

    /** @throws IllegalArgumentException naming an unknown option */
    static IngestOptions parse(Path root, String... args) {
        boolean quick = false;
        boolean jfr = false;
        for (String arg : args) {
            switch (arg) {
                case "--quick" -> quick = true;
                case "--jfr" -> jfr = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "; the options are "
                        + List.of("--quick", "--jfr", "--help"));
            }
        }
        return new IngestOptions(root, quick, jfr);
    }

    Timing timing() {
        return quick ? Timing.QUICK : Timing.FULL;
    }
}
