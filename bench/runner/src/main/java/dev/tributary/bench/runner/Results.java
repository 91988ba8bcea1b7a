package dev.tributary.bench.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runs of a benchmark, grouped by scenario and contender in the order they ran. */
final class Results {

    private final Map<Scenario, Map<ContenderKind, List<RunResult>>> runs = new LinkedHashMap<>();

    void add(Scenario scenario, RunResult run) {
        runs.computeIfAbsent(scenario, ignored -> new LinkedHashMap<>())
                .computeIfAbsent(run.contender(), ignored -> new ArrayList<>())
                .add(run);
    }

    List<Scenario> scenarios() {
        return List.copyOf(runs.keySet());
    }

    List<ContenderSummary> summaries(Scenario scenario) {
        List<ContenderSummary> summaries = new ArrayList<>();
        runs.getOrDefault(scenario, Map.of()).forEach((kind, list) -> summaries.add(new ContenderSummary(kind, list)));
        return summaries;
    }

    Optional<ContenderSummary> summary(Scenario scenario, ContenderKind kind) {
        List<RunResult> list = runs.getOrDefault(scenario, Map.of()).get(kind);
        return list == null ? Optional.empty() : Optional.of(new ContenderSummary(kind, list));
    }

    Optional<Scenario> scenario(String name) {
        return runs.keySet().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Tributary's throughput against each other contender's and against the ideal, for the throughput scenarios;
     * a ratio is absent where a side was not measured or does not apply.
     */
    Map<String, Double> ratios(Scenario scenario) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        if (scenario.live()) {
            return ratios; // every contender is fed at its own rate: their throughputs do not compare
        }
        Optional<ContenderSummary> tributary = summary(scenario, ContenderKind.TRIBUTARY);
        if (tributary.isEmpty()) {
            return ratios;
        }
        double ours = tributary.get().recordsPerSec();
        for (ContenderKind peer : List.of(ContenderKind.RAW, ContenderKind.PARALLEL_CONSUMER, ContenderKind.SPRING_KAFKA)) {
            summary(scenario, peer).ifPresent(theirs -> put(ratios, "tributary/" + peer.id(),
                    Figures.ratio(ours, theirs.recordsPerSec())));
        }
        put(ratios, "tributary/ideal", Figures.ratio(ours, scenario.idealRecordsPerSec()));
        return ratios;
    }

    private static void put(Map<String, Double> ratios, String name, double value) {
        if (!Double.isNaN(value)) {
            ratios.put(name, value);
        }
    }
}
