package dev.tributary.bench.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Every figure of the report as JSON, for tools:
 * {@code {"scenarios": {"<scenario>": {"<contender>": {"recordsPerSec", "p50Ms", "p99Ms", "orderViolations",
 * "lost", "peakRssMb", ..., "runs": [...]}}}, "ratios": {"<scenario>": {"tributary/raw", ...}}}}. A figure that
 * was not measured is null; a ratio that does not apply is absent.
 */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(RunInfo info, Results results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("timestamp", info.timestamp());
        root.put("mode", info.mode());
        root.put("repeats", info.repeats());
        root.put("provisional", info.machineWasBusy());
        root.put("elapsedSeconds", info.elapsed().toSeconds());
        ObjectNode setup = root.putObject("setup");
        setup.put("machine", info.machine());
        setup.put("jdk", info.jdk());
        setup.put("loadAverageAtStart", info.loadAtStart());
        setup.put("loadAverageAtEnd", info.loadAtEnd());
        setup.put("partitions", Scenarios.PARTITIONS);
        setup.put("keys", Scenarios.KEYS);
        setup.put("valueBytes", 100);
        info.contenderJvmFlags().forEach(setup.putArray("contenderJvmFlags")::add);
        info.brokerJvmFlags().forEach(setup.putArray("brokerJvmFlags")::add);

        ObjectNode settings = root.putObject("scenarioSettings");
        ObjectNode scenarios = root.putObject("scenarios");
        ObjectNode ratios = root.putObject("ratios");
        for (Scenario scenario : results.scenarios()) {
            settings.set(scenario.name(), settings(scenario));
            ObjectNode contenders = scenarios.putObject(scenario.name());
            for (ContenderSummary summary : results.summaries(scenario)) {
                contenders.set(summary.contender().id(), summary(summary));
            }
            ObjectNode scenarioRatios = ratios.putObject(scenario.name());
            for (Map.Entry<String, Double> ratio : results.ratios(scenario).entrySet()) {
                scenarioRatios.put(ratio.getKey(), Math.round(ratio.getValue() * 1000) / 1000.0);
            }
        }
        ArrayNode targets = root.putArray("targets");
        for (Targets.Target target : Targets.evaluate(results)) {
            ObjectNode node = targets.addObject();
            node.put("goal", target.goal());
            node.put("measured", target.measured());
            if (target.met() == null) {
                node.putNull("met");
            } else {
                node.put("met", target.met());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the JSON report", e);
        }
    }

    private static ObjectNode settings(Scenario scenario) {
        ObjectNode node = JSON.createObjectNode();
        node.put("description", scenario.description());
        node.put("ordering", scenario.ordering().name().toLowerCase());
        node.put("functionMs", scenario.work().toMillis());
        node.put("cap", scenario.cap());
        node.put("live", scenario.live());
        if (scenario.live()) {
            node.put("liveSeconds", scenario.dataset().liveDuration().toSeconds());
        } else {
            node.put("records", scenario.dataset().records());
            node.put("topic", scenario.dataset().topic());
        }
        number(node, "idealRecordsPerSec", scenario.idealRecordsPerSec());
        return node;
    }

    private static ObjectNode summary(ContenderSummary summary) {
        ObjectNode node = JSON.createObjectNode();
        number(node, "recordsPerSec", summary.recordsPerSec());
        number(node, "recordsPerSecMin", summary.recordsPerSecMin());
        number(node, "recordsPerSecMax", summary.recordsPerSecMax());
        number(node, "spread", summary.spread());
        number(node, "p50Ms", summary.p50Ms());
        number(node, "p99Ms", summary.p99Ms());
        number(node, "p999Ms", summary.p999Ms());
        number(node, "maxMs", summary.maxMs());
        node.put("orderViolations", summary.orderViolations());
        node.put("duplicates", summary.duplicates());
        node.put("lost", summary.lost());
        node.put("failedRuns", summary.failedRuns());
        node.put("lagZero", summary.lagZero());
        if (summary.runs().stream().anyMatch(run -> !Double.isNaN(run.targetRate()))) {
            node.put("keptUp", summary.keptUp());
        }
        number(node, "peakRssMb", summary.peakRssMb());
        number(node, "startupMs", summary.startupMs());
        number(node, "cpuMicrosPerRecord", summary.cpuMicrosPerRecord());
        number(node, "targetRate", summary.targetRate());
        number(node, "producedRate", summary.producedRate());
        ArrayNode runs = node.putArray("runs");
        for (RunResult run : summary.runs()) {
            runs.add(run(run));
        }
        return node;
    }

    private static ObjectNode run(RunResult run) {
        ObjectNode node = JSON.createObjectNode();
        node.put("repeat", run.repeat());
        if (!run.succeeded()) {
            node.put("failure", run.failure());
            number(node, "peakRssMb", run.peakRssMb() < 0 ? Double.NaN : run.peakRssMb());
            return node;
        }
        number(node, "recordsPerSec", run.recordsPerSec());
        number(node, "startupMs", run.startupMs());
        number(node, "cpuMicrosPerRecord", run.cpuMicrosPerRecord());
        node.put("expected", run.outcome().expected());
        node.put("completed", run.outcome().distinct());
        node.put("lost", run.lost());
        node.put("duplicates", run.outcome().duplicates());
        node.put("orderViolations", run.outcome().orderViolations());
        node.put("latencySamples", run.outcome().latencyCount());
        node.put("p50Ms", run.outcome().p50Micros() / 1000.0);
        node.put("p90Ms", run.outcome().p90Micros() / 1000.0);
        node.put("p99Ms", run.outcome().p99Micros() / 1000.0);
        node.put("p999Ms", run.outcome().p999Micros() / 1000.0);
        node.put("maxMs", run.outcome().maxMicros() / 1000.0);
        node.put("lagZero", run.lagZero());
        node.put("lagAtEnd", run.lagAtEnd());
        node.put("commitWaitMs", run.commitWaitMs());
        number(node, "peakRssMb", run.peakRssMb() < 0 ? Double.NaN : run.peakRssMb());
        number(node, "targetRate", run.targetRate());
        number(node, "producedRate", run.producedRate());
        if (!Double.isNaN(run.targetRate())) {
            node.put("keptUp", run.keptUp());
        }
        return node;
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, Math.round(value * 1000) / 1000.0);
        }
    }
}
