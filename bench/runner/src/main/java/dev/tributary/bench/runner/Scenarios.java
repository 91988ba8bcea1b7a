package dev.tributary.bench.runner;

import static dev.tributary.bench.runner.ContenderKind.RAW;

import dev.tributary.bench.core.ContenderArgs.Ordering;
import dev.tributary.bench.runner.Scenario.Dataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios, full size or quick. The numbers are the benchmark's definition: change them here and the report
 * says so.
 */
final class Scenarios {

    static final int PARTITIONS = 12;
    static final int KEYS = 10_000;
    /** The in-flight cap of Tributary and Parallel Consumer in every scenario. */
    static final int CAP = 100;
    static final Duration IO_WORK = Duration.ofMillis(5);

    private Scenarios() {
    }

    /** Every scenario, in the order they run; the live run comes last, as it takes its rates from {@code noop}. */
    static List<Scenario> all(boolean quick) {
        return all(quick, CAP);
    }

    static List<Scenario> all(boolean quick, int cap) {
        Dataset noop = new Dataset("noop", quick ? 200_000 : 1_000_000, Duration.ZERO);
        Dataset io = new Dataset("io5ms", quick ? 30_000 : 200_000, Duration.ZERO);
        Dataset live = new Dataset("live", 0, Duration.ofSeconds(quick ? 8 : 15));
        List<ContenderKind> all = List.of(ContenderKind.values());
        List<ContenderKind> unordered = all.stream().filter(ContenderKind::supportsUnordered).toList();
        // The raw poll loop runs a 5 ms function at 200 records/s (200k records would take 17 minutes): it is the
        // limit for a free function, not for a slow one, whose limit is cap / function time.
        List<ContenderKind> slow = all.stream().filter(kind -> kind != RAW).toList();
        return List.of(
                new Scenario("noop", "0 ms function, key order", noop, Duration.ZERO, Ordering.KEY, cap, all, false),
                new Scenario("noop-unordered", "0 ms function, no order", noop, Duration.ZERO, Ordering.UNORDERED, cap,
                        unordered, false),
                new Scenario("io5ms", "5 ms sleeping function, key order, in-flight cap " + cap, io, IO_WORK,
                        Ordering.KEY, cap, slow, false),
                new Scenario("io5ms-unordered", "5 ms sleeping function, no order, in-flight cap " + cap, io, IO_WORK,
                        Ordering.UNORDERED, cap, unordered, false),
                new Scenario("live", "0 ms function, key order, produced live at half the contender's noop rate",
                        live, Duration.ZERO, Ordering.KEY, cap, all, true));
    }

    /** The scenarios named, in the order they run; all of them when {@code names} is empty. */
    static List<Scenario> select(boolean quick, int cap, List<String> names) {
        List<Scenario> all = all(quick, cap);
        if (names.isEmpty()) {
            return all;
        }
        List<Scenario> selected = new ArrayList<>();
        for (Scenario scenario : all) {
            if (names.contains(scenario.name())) {
                selected.add(scenario);
            }
        }
        for (String name : names) {
            if (all.stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException("--scenario " + name + ": not a scenario; one of "
                        + String.join(", ", all.stream().map(Scenario::name).toList()));
            }
        }
        return selected;
    }
}
