package dev.tributary.bench.ingest;

import dev.tributary.bench.ingest.child.PayloadPool;
import dev.tributary.bench.ingest.http.HttpAdapterMain;
import dev.tributary.bench.ingest.http.HttpLoadMain;
import dev.tributary.bench.ingest.mqtt.MqttAdapterMain;
import dev.tributary.bench.ingest.mqtt.MqttDevicesMain;
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
 * {@code bench/run-ingest}: starts a broker, runs the HTTP and MQTT adapters under load and ProducerPerformance
 * beside each, writes {@code bench/results/ingest-<timestamp>.md} and {@code .json}, and prints the ratio table.
 * Exit codes: 0 done (whatever the figures), 1 the benchmark could not run, 2 usage error.
 */
public final class IngestBenchMain {

    private IngestBenchMain() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        IngestOptions options;
        try {
            if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
                System.out.print(IngestOptions.USAGE);
                return;
            }
            options = IngestOptions.parse(root, args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench/run-ingest: " + e.getMessage());
            System.err.print(IngestOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options, System.out);
        } catch (Exception e) {
            System.err.println("bench/run-ingest: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(IngestOptions options, PrintStream out) throws IOException, InterruptedException {
        String timestamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss"));
        Path target = options.root().resolve("bench").resolve("ingest").resolve("target");
        Logs logs = new Logs(target.resolve("logs").resolve(timestamp), options.jfr());
        JavaCommand java = JavaCommand.forModule(options.root(), Workloads.JVM_FLAGS);
        Timing timing = options.timing();
        double loadAtStart = RunInfo.loadAverage();
        long started = System.nanoTime();
        out.printf("ingest bench: %s run, %d s measured per contender after %d s of warm-up (%d s for "
                        + "ProducerPerformance); load average %.1f on %d cores; logs in %s%n",
                options.quick() ? "quick" : "full", timing.measure().toSeconds(), timing.adapterWarmup().toSeconds(),
                timing.producerWarmup().toSeconds(), loadAtStart, RunInfo.machineCores(), logs.dir());

        List<Comparison> comparisons;
        try (BenchBroker broker = BenchBroker.start(target.resolve("broker"))) {
            out.println("ingest bench: broker on " + broker.bootstrapServers() + " (log " + broker.logFile() + ")");
            comparisons = runContenders(broker, java, timing, logs, out);
        }
        RunInfo info = new RunInfo(timestamp, options.quick(), timing, RunInfo.describeMachine(),
                RunInfo.describeJdk(), RunInfo.machineCores(), loadAtStart, RunInfo.loadAverage(),
                Duration.ofNanos(System.nanoTime() - started));

        Path results = options.root().resolve("bench").resolve("results");
        Files.createDirectories(results);
        Path markdown = results.resolve("ingest-" + timestamp + ".md");
        Files.writeString(markdown, MarkdownReport.render(info, comparisons), StandardCharsets.UTF_8);
        Files.writeString(results.resolve("ingest-" + timestamp + ".json"), JsonReport.render(info, comparisons),
                StandardCharsets.UTF_8);

        out.println();
        if (info.provisional()) {
            out.println(MarkdownReport.provisionalNote(info));
            out.println();
        }
        out.print(MarkdownReport.ratioTable(comparisons));
        out.println();
        out.println("ingest bench: " + info.elapsedText() + "; report " + markdown + " (and .json)");
    }

    /**
     * Each path, then its baseline: one contender at a time, so that none competes with another for the cores, and
     * a path's baseline right after it, so that both see about the same machine.
     */
    private static List<Comparison> runContenders(BenchBroker broker, JavaCommand java, Timing timing, Logs logs,
                                                  PrintStream out) throws IOException, InterruptedException {
        for (String topic : List.of(Topics.HTTP, Topics.HTTP_BASELINE, Topics.HTTP_CALIBRATION, Topics.MQTT,
                Topics.MQTT_BASELINE, Topics.MQTT_CALIBRATION)) {
            broker.createTopic(topic, Workloads.PARTITIONS);
        }
        AdapterRun adapters = new AdapterRun(java, broker, timing, logs);
        ProducerPerfRun baseline = new ProducerPerfRun(java, broker, timing, logs);
        Path httpPayloads = payloadFile(logs, Workloads.HTTP_EVENT_BYTES);
        Path mqttPayloads = payloadFile(logs, Workloads.MQTT_PAYLOAD_BYTES);

        Measurement http = adapters.run(new IngestContender("tributary-http", HttpAdapterMain.class,
                HttpLoadMain.class, List.of("--clients", String.valueOf(Workloads.HTTP_CLIENTS),
                "--payload-file", httpPayloads.toString()), Topics.HTTP));
        report(out, http, broker, Topics.HTTP);
        Measurement httpBaseline = baseline.run("producer-perf-1k", Topics.HTTP_BASELINE, Topics.HTTP_CALIBRATION,
                httpPayloads);
        report(out, httpBaseline, broker, Topics.HTTP_BASELINE, Topics.HTTP_CALIBRATION);

        Measurement mqtt = adapters.run(new IngestContender("tributary-mqtt", MqttAdapterMain.class,
                MqttDevicesMain.class, List.of("--devices", String.valueOf(Workloads.MQTT_DEVICES),
                "--in-flight", String.valueOf(Workloads.MQTT_IN_FLIGHT_PER_DEVICE),
                "--payload-file", mqttPayloads.toString()), Topics.MQTT));
        report(out, mqtt, broker, Topics.MQTT);
        Measurement mqttBaseline = baseline.run("producer-perf-100b", Topics.MQTT_BASELINE, Topics.MQTT_CALIBRATION,
                mqttPayloads);
        report(out, mqttBaseline, broker, Topics.MQTT_BASELINE, Topics.MQTT_CALIBRATION);

        return List.of(new Comparison("http", http, httpBaseline), new Comparison("mqtt", mqtt, mqttBaseline));
    }

    /** The payloads of {@code bytes} every contender of a path sends, as a file in the run's log folder. */
    private static Path payloadFile(Logs logs, int bytes) throws IOException {
        Path file = logs.dir().resolve("payloads-" + bytes + ".txt");
        Files.createDirectories(logs.dir());
        PayloadPool.random(bytes, bytes).write(file);
        return file;
    }

    /** Prints a contender's line and deletes its topics, which are counted by now. */
    private static void report(PrintStream out, Measurement measurement, BenchBroker broker, String... topics)
            throws InterruptedException {
        out.println(MarkdownReport.progressLine(measurement));
        for (String topic : topics) {
            broker.deleteTopic(topic);
        }
    }

    /** The benchmark's topics: one per contender, so that each count is of that contender's records alone. */
    private static final class Topics {
        static final String HTTP = "ingest-http";
        static final String HTTP_BASELINE = "ingest-http-producer-perf";
        static final String HTTP_CALIBRATION = "ingest-http-producer-perf-calibration";
        static final String MQTT = "ingest-mqtt";
        static final String MQTT_BASELINE = "ingest-mqtt-producer-perf";
        static final String MQTT_CALIBRATION = "ingest-mqtt-producer-perf-calibration";
    }
}
