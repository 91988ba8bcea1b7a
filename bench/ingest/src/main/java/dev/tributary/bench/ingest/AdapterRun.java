package dev.tributary.bench.ingest;

import dev.tributary.bench.ingest.child.ChildLifecycle;
import dev.tributary.bench.ingest.child.LoadReport;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Runs one ingest adapter under load: the adapter in a JVM of its own, the load generator in another. The CPU clocks
 * of the adapter, the generator and the broker are read when the generator enters and leaves its measurement
 * window; after the generator reports, the records on the topic are counted against its acknowledgements.
 */
final class AdapterRun {

    private static final Duration ADAPTER_START = Duration.ofSeconds(60);
    /** 100 MQTT devices connect before the warm-up starts; on a busy machine that takes a while. */
    private static final Duration LOAD_START = Duration.ofSeconds(90);

    private final JavaCommand java;
    private final BenchBroker broker;
    private final Timing timing;
    private final Logs logs;

    AdapterRun(JavaCommand java, BenchBroker broker, Timing timing, Logs logs) {
        this.java = java;
        this.broker = broker;
        this.timing = timing;
        this.logs = logs;
    }

    Measurement run(IngestContender contender) throws IOException, InterruptedException {
        double loadAverage = RunInfo.loadAverage();
        String adapterName = contender.id() + "-adapter";
        String loadName = contender.id() + "-load";
        List<String> adapterCommand = java.benchMain(contender.adapterMain(), logs.jfrFlags(adapterName),
                List.of("--bootstrap", broker.bootstrapServers(), "--topic", contender.topic()));
        try (ChildProcess adapter = ChildProcess.start(adapterName, adapterCommand, logs.file(adapterName))) {
            String ready = adapter.awaitLine(line -> line.startsWith(ChildLifecycle.READY), ADAPTER_START);
            List<String> loadCommand = java.benchMain(contender.loadMain(), logs.jfrFlags(loadName),
                    loadArgs(contender, ready.substring(ready.indexOf("port=") + "port=".length())));
            try (ChildProcess load = ChildProcess.start(loadName, loadCommand, logs.file(loadName))) {
                return measure(contender, adapter, load, loadAverage);
            }
        } catch (TimeoutException | IllegalStateException e) {
            return Measurement.failed(contender.id(), loadAverage, e.getMessage());
        }
    }

    private Measurement measure(IngestContender contender, ChildProcess adapter, ChildProcess load,
                                double loadAverage) throws InterruptedException, TimeoutException {
        load.awaitLine(ChildLifecycle.MEASURING::equals, timing.adapterWarmup().plus(LOAD_START));
        CpuClocks start = CpuClocks.read(adapter, load, broker);
        load.awaitLine(ChildLifecycle.MEASURED::equals, timing.measure().plus(Duration.ofSeconds(30)));
        CpuClocks end = CpuClocks.read(adapter, load, broker);
        LoadReport report = LoadReport.parse(load.awaitLine(line -> line.startsWith(LoadReport.PREFIX),
                timing.drain().plus(Duration.ofSeconds(30))));
        // The generator reports once every request is answered, and an answer comes only after Kafka's: whatever
        // was acknowledged is on the broker by now.
        long onTopic = broker.recordsOn(contender.topic(), Workloads.PARTITIONS);
        Delivery delivery = new Delivery(report.acknowledged(), onTopic, report.failed(), report.unanswered());
        return new Measurement(contender.id(), report.eventsPerSec(), Latency.of(report.latency()), delivery,
                broker.meanRecordBytes(contender.topic(), 500), start.costPerEvent(end, report.measured()),
                loadAverage, null);
    }

    private List<String> loadArgs(IngestContender contender, String port) {
        List<String> args = new ArrayList<>(List.of("--port", port,
                "--warmup-ms", String.valueOf(timing.adapterWarmup().toMillis()),
                "--measure-ms", String.valueOf(timing.measure().toMillis()),
                "--drain-ms", String.valueOf(timing.drain().toMillis())));
        args.addAll(contender.loadArgs());
        return args;
    }

    /** The CPU clocks of the JVMs on a path at one moment. */
    private record CpuClocks(Duration adapter, Duration load, Duration broker) {

        static CpuClocks read(ChildProcess adapter, ChildProcess load, BenchBroker broker) {
            return new CpuClocks(adapter.cpuTime(), load.cpuTime(), broker.cpuTime());
        }

        CpuCost costPerEvent(CpuClocks end, long events) {
            return new CpuCost(CpuCost.perEvent(adapter, end.adapter, events),
                    CpuCost.perEvent(load, end.load, events), CpuCost.perEvent(broker, end.broker, events));
        }
    }
}
