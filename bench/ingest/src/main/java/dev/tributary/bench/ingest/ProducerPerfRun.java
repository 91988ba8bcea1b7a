package dev.tributary.bench.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The baseline: Kafka's ProducerPerformance in a JVM of its own, unthrottled, with the ingest publisher's producer
 * settings ({@link Workloads#BASELINE_PRODUCER}), writing unkeyed records with the payloads the adapters' clients
 * send (see {@link dev.tributary.bench.ingest.child.PayloadPool}). It takes a record count, not a duration, so a
 * short unmeasured calibration run on another topic finds its rate first; the measured run then sends
 * rate × (warm-up + window) records, the first rate × warm-up of them as {@code --warmup-records}, and its
 * steady-state summary is the measurement.
 */
final class ProducerPerfRun {

    /** A JVM start and the producer's first metadata request, on a busy machine. */
    private static final Duration CALIBRATION_START = Duration.ofSeconds(60);

    private final JavaCommand java;
    private final BenchBroker broker;
    private final Timing timing;
    private final Logs logs;

    ProducerPerfRun(JavaCommand java, BenchBroker broker, Timing timing, Logs logs) {
        this.java = java;
        this.broker = broker;
        this.timing = timing;
        this.logs = logs;
    }

    Measurement run(String contender, String topic, String calibrationTopic, Path payloadFile)
            throws IOException, InterruptedException {
        double loadAverage = RunInfo.loadAverage();
        try {
            double rate = calibrate(contender, calibrationTopic, payloadFile);
            long warmupRecords = Math.max(1, Math.round(rate * timing.producerWarmup().toSeconds()));
            long records = warmupRecords + Math.max(1, Math.round(rate * timing.measure().toSeconds()));
            return measure(contender, topic, payloadFile, warmupRecords, records, loadAverage);
        } catch (TimeoutException | IllegalStateException e) {
            return Measurement.failed(contender, loadAverage, e.getMessage());
        }
    }

    /**
     * Runs ProducerPerformance until it has reported {@link Timing#calibration()} one-second intervals after its first
     * (which holds the producer's start), and returns their median rate.
     */
    private double calibrate(String contender, String topic, Path payloadFile)
            throws IOException, InterruptedException, TimeoutException {
        List<String> command = java.producerPerformance(List.of(), arguments(topic, payloadFile, 0, Integer.MAX_VALUE));
        long intervals = 1 + timing.calibration().toSeconds();
        // Per line: the first comes after the JVM's start, the others a second apart.
        Duration timeout = CALIBRATION_START.plus(timing.calibration());
        List<Double> rates = new ArrayList<>();
        try (ChildProcess perf = ChildProcess.start(contender + "-calibration", command,
                logs.file(contender + "-calibration"))) {
            while (rates.size() < intervals) {
                String line = perf.awaitLine(l -> ProducerPerfOutput.windowRate(l).isPresent(), timeout);
                rates.add(ProducerPerfOutput.windowRate(line).orElseThrow());
            }
            perf.terminate();
        }
        return ProducerPerfOutput.calibratedRate(rates).orElseThrow();
    }

    private Measurement measure(String contender, String topic, Path payloadFile, long warmupRecords, long records,
                                double loadAverage) throws IOException, InterruptedException, TimeoutException {
        List<String> command = java.producerPerformance(logs.jfrFlags(contender),
                arguments(topic, payloadFile, warmupRecords, records));
        Duration brokerBefore = broker.cpuTime();
        Duration clientCpu;
        List<String> output;
        try (ChildProcess perf = ChildProcess.start(contender, command, logs.file(contender))) {
            // A slower run than the calibration promised still finishes; one 3 times slower is broken.
            output = perf.remainingLines(timing.producerWarmup().plus(timing.measure()).multipliedBy(3)
                    .plus(Duration.ofSeconds(60)));
            perf.awaitExit(Duration.ofSeconds(30));
            clientCpu = perf.cpuTime();
        }
        Duration brokerAfter = broker.cpuTime();
        ProducerPerfOutput.Summaries summaries = ProducerPerfOutput.summaries(output);
        ProducerPerfOutput.Summary whole = summaries.whole().orElseThrow(() -> new IllegalStateException(contender
                + " printed no summary; see " + logs.file(contender)));
        ProducerPerfOutput.Summary steady = summaries.steadyState().orElse(whole);
        Delivery delivery = new Delivery(whole.records(), broker.recordsOn(topic, Workloads.PARTITIONS),
                records - whole.records(), 0);
        // Both CPU figures cover the whole run, warm-up included: the process is gone before a window could close.
        CpuCost cpu = new CpuCost(Double.NaN, CpuCost.perEvent(Duration.ZERO, clientCpu, whole.records()),
                CpuCost.perEvent(brokerBefore, brokerAfter, whole.records()));
        return new Measurement(contender, steady.recordsPerSec(), steady.latency(), delivery,
                broker.meanRecordBytes(topic, 500), cpu, loadAverage, null);
    }

    private List<String> arguments(String topic, Path payloadFile, long warmupRecords, long records) {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-server", broker.bootstrapServers(),
                "--topic", topic,
                "--num-records", String.valueOf(records),
                "--payload-file", payloadFile.toString(),
                "--throughput", "-1",
                "--reporting-interval", "1000"));
        if (warmupRecords > 0) {
            args.addAll(List.of("--warmup-records", String.valueOf(warmupRecords)));
        }
        args.add("--command-property");
        args.addAll(Workloads.BASELINE_PRODUCER);
        return args;
    }
}
