package dev.tributary.bench.ingest;

import java.util.List;
import java.util.Locale;

/** The report as Markdown: how it was run, the ratios, then every figure of every contender. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(RunInfo info, List<Comparison> comparisons) {
        StringBuilder md = new StringBuilder();
        md.append("# Tributary ingest benchmark, ").append(info.timestamp()).append("\n\n");
        md.append(setup(info)).append('\n');
        md.append("## Ratios\n\n").append(ratioTable(comparisons)).append('\n');
        md.append("## Contenders\n\n").append(contenderTable(comparisons)).append('\n');
        md.append(NOTES);
        return md.toString();
    }

    static String provisionalNote(RunInfo info) {
        return String.format(Locale.ROOT, "**Provisional**: other work was using this %d-core machine (load average "
                + "%.1f at the start, %.1f at the end); the figures show the harness works, not what the paths "
                + "can do on a quiet machine.", info.cores(), info.loadAtStart(), info.loadAtEnd());
    }

    /** The table {@code bench/run-ingest} prints at the end. */
    static String ratioTable(List<Comparison> comparisons) {
        StringBuilder table = new StringBuilder("| path | Tributary events/s | ProducerPerformance records/s | ratio | "
                + "Tributary ack p50 / p99 ms | ProducerPerformance p50 / p99 ms | acknowledged = on topic |\n");
        table.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Comparison comparison : comparisons) {
            Measurement tributary = comparison.tributary();
            Measurement baseline = comparison.baseline();
            table.append("| ").append(comparison.path())
                    .append(" | ").append(Figures.format(tributary.eventsPerSec(), "%,.0f"))
                    .append(" | ").append(Figures.format(baseline.eventsPerSec(), "%,.0f"))
                    .append(" | ").append(Figures.ratio(comparison.ratio()))
                    .append(" | ").append(percentiles(tributary.latency()))
                    .append(" | ").append(percentiles(baseline.latency()))
                    .append(" | ").append(comparison.nothingLost() ? "yes" : "**no**")
                    .append(" |\n");
        }
        return table.toString();
    }

    /** One line per contender as it finishes. */
    static String progressLine(Measurement m) {
        if (!m.succeeded()) {
            return String.format(Locale.ROOT, "   %-18s FAILED: %s", m.contender(), m.failure());
        }
        Delivery d = m.delivery();
        return String.format(Locale.ROOT, "   %-18s %9s events/s  ack p50 %s ms, p99 %s ms  acknowledged %s, on topic "
                        + "%s, lost %d, failed %d", m.contender(), Figures.format(m.eventsPerSec(), "%,.0f"),
                Figures.millis(m.latency().p50Ms()), Figures.millis(m.latency().p99Ms()),
                Figures.count(d.acknowledged()), Figures.count(d.onTopic()), d.lost(), d.failed());
    }

    static String contenderTable(List<Comparison> comparisons) {
        StringBuilder table = new StringBuilder("| contender | events/s | mean ms | p50 ms | p99 ms | p99.9 ms | max ms | "
                + "in flight | acknowledged | on topic | lost | failed | record bytes | CPU µs/event: adapter | client "
                + "| broker | load avg at start |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Comparison comparison : comparisons) {
            for (Measurement m : List.of(comparison.tributary(), comparison.baseline())) {
                if (!m.succeeded()) {
                    table.append("| ").append(m.contender()).append(" | failed: ")
                            .append(m.failure().replace('\n', ' ').replace("|", "\\|"))
                            .append(" |").append(" |".repeat(15)).append('\n');
                    continue;
                }
                Delivery d = m.delivery();
                table.append(String.format(Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f |%n",
                        m.contender(), Figures.format(m.eventsPerSec(), "%,.0f"), Figures.millis(m.latency().meanMs()),
                        Figures.millis(m.latency().p50Ms()), Figures.millis(m.latency().p99Ms()),
                        Figures.millis(m.latency().p999Ms()), Figures.millis(m.latency().maxMs()),
                        Figures.format(m.latency().meanInFlight(m.eventsPerSec()), "%,.0f"),
                        Figures.count(d.acknowledged()),
                        Figures.count(d.onTopic()), d.lost() == 0 ? "0" : "**" + d.lost() + "**",
                        Figures.count(d.failed() + d.unanswered()), Figures.format(m.meanRecordBytes(), "%.0f"),
                        Figures.format(m.cpu().adapterMicros(), "%.1f"), Figures.format(m.cpu().clientMicros(), "%.1f"),
                        Figures.format(m.cpu().brokerMicros(), "%.1f"), m.loadAverageAtStart()));
            }
        }
        return table.toString();
    }

    private static String percentiles(Latency latency) {
        return Figures.millis(latency.p50Ms()) + " / " + Figures.millis(latency.p99Ms());
    }

    private static String setup(RunInfo info) {
        StringBuilder text = new StringBuilder();
        if (info.quick()) {
            text.append("**Quick run**: short windows, a check of the harness rather than a measurement.\n\n");
        }
        if (info.provisional()) {
            text.append(provisionalNote(info)).append("\n\n");
        }
        text.append("- Machine: ").append(info.machine()).append("; ").append(info.jdk())
                .append(String.format(Locale.ROOT, "; load average %.1f at the start, %.1f at the end%n",
                        info.loadAtStart(), info.loadAtEnd()));
        text.append("- Broker: one KRaft broker in a child JVM (`").append(String.join(" ", Workloads.BROKER_JVM_FLAGS))
                .append("`) on 127.0.0.1; a topic of ").append(Workloads.PARTITIONS)
                .append(" partitions, replication 1, per contender\n");
        text.append("- Producer, for the adapters' publisher and ProducerPerformance alike: `")
                .append(String.join(" ", Workloads.BASELINE_PRODUCER)).append("`\n");
        text.append("- Every other JVM: `").append(String.join(" ", Workloads.JVM_FLAGS))
                .append("`; one contender at a time, the adapter and its load generator in JVMs of their own\n");
        text.append("- HTTP: ").append(Workloads.HTTP_CLIENTS).append(" clients (Vert.x HTTP client, one event loop), "
                + "each on its own keep-alive HTTP/1.1 connection with one request in flight, posting ")
                .append(Workloads.HTTP_EVENT_BYTES).append("-byte binary-mode CloudEvents to `POST /events` "
                        + "(auth none); only 202 counts\n");
        text.append("- MQTT: ").append(Workloads.MQTT_DEVICES).append(" devices (HiveMQ MQTT client, MQTT 5), one "
                        + "connection each, QoS 1, ").append(Workloads.MQTT_PAYLOAD_BYTES)
                .append("-byte payloads, at most ").append(Workloads.MQTT_IN_FLIGHT_PER_DEVICE)
                .append(" awaiting PUBACK per device; mapping `devices/+/telemetry`, key `{1}`, codec bytes; only a "
                        + "success PUBACK counts\n");
        text.append("- ProducerPerformance (kafka-tools 4.3.1): unthrottled, unkeyed records; every contender of a path "
                + "sends the same pool of distinct random payloads (`--payload-file` for ProducerPerformance)\n");
        text.append(String.format(Locale.ROOT, "- Windows: %d s measured per contender, after %d s of warm-up for "
                        + "an adapter (its JIT) and %d s for ProducerPerformance%n", info.timing().measure().toSeconds(),
                info.timing().adapterWarmup().toSeconds(), info.timing().producerWarmup().toSeconds()));
        text.append("- Elapsed: ").append(info.elapsedText()).append('\n');
        return text.toString();
    }

    private static final String NOTES = """
            Notes:
            - events/s: acknowledgements received within the measured window, per second. For ProducerPerformance,
              its steady-state summary (the records after `--warmup-records`).
            - Latency: from sending a request to its acknowledgement (HTTP 202, PUBACK), HdrHistogram in µs, for the
              acknowledgements within the window. A load generator keeps a fixed number of requests in flight, so
              this is the latency at that concurrency. ProducerPerformance's is from `send()` to its callback with
              nothing holding it back, so it measures the producer's full buffer: compare its throughput, not its
              latency.
            - in flight: events awaiting their acknowledgement on average, by Little's law (events/s × mean
              latency). A load generator's comes out at its fixed concurrency: its throughput is that number over the
              ack latency. ProducerPerformance's is what its buffer holds.
            - acknowledged / on topic: events acknowledged over the whole run, warm-up included, against the records
              on the contender's topic afterwards (end minus start offsets). `lost` is acknowledged minus on topic
              and must be 0.
            - record bytes: the mean Kafka record (key, value, header names and values) on the topic, from a sample
              of 500. The adapters write CloudEvents binary mode, whose `ce_*` headers ProducerPerformance's records
              do not have.
            - CPU µs/event: CPU time of each JVM (all threads: JIT and GC included) over the events acknowledged in
              the same span. In an adapter's run, the adapter, load generator and broker over the measured window;
              in a ProducerPerformance run, it and the broker over its whole run, warm-up included (the process is
              gone before a window could close). On two cores shared by every JVM, throughput follows the sum.
            """;
}
