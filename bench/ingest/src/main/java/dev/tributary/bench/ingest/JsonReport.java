package dev.tributary.bench.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Every figure of the report as JSON, for tools: {@code {"provisional", "setup": {...}, "contenders":
 * {"<contender>": {"eventsPerSec", "p50Ms", "p99Ms", "acknowledged", "onTopic", "lost", ...}}, "ratios":
 * {"http": 0.5, "mqtt": 0.2}}}. A figure that was not measured is null.
 */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(RunInfo info, List<Comparison> comparisons) {
        ObjectNode root = JSON.createObjectNode();
        root.put("timestamp", info.timestamp());
        root.put("mode", info.mode());
        root.put("provisional", info.provisional());
        root.put("elapsedSeconds", info.elapsed().toSeconds());
        root.set("setup", setup(info));
        ObjectNode contenders = root.putObject("contenders");
        ObjectNode ratios = root.putObject("ratios");
        ObjectNode intact = root.putObject("nothingLost");
        for (Comparison comparison : comparisons) {
            contenders.set(comparison.tributary().contender(), measurement(comparison.tributary()));
            contenders.set(comparison.baseline().contender(), measurement(comparison.baseline()));
            number(ratios, comparison.path(), comparison.ratio());
            intact.put(comparison.path(), comparison.nothingLost());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the JSON report", e);
        }
    }

    private static ObjectNode setup(RunInfo info) {
        ObjectNode setup = JSON.createObjectNode();
        setup.put("machine", info.machine());
        setup.put("jdk", info.jdk());
        setup.put("cores", info.cores());
        setup.put("loadAverageAtStart", info.loadAtStart());
        setup.put("loadAverageAtEnd", info.loadAtEnd());
        setup.put("adapterWarmupSeconds", info.timing().adapterWarmup().toSeconds());
        setup.put("producerPerformanceWarmupSeconds", info.timing().producerWarmup().toSeconds());
        setup.put("measureSeconds", info.timing().measure().toSeconds());
        setup.put("partitions", Workloads.PARTITIONS);
        setup.put("httpClients", Workloads.HTTP_CLIENTS);
        setup.put("httpEventBytes", Workloads.HTTP_EVENT_BYTES);
        setup.put("mqttDevices", Workloads.MQTT_DEVICES);
        setup.put("mqttPayloadBytes", Workloads.MQTT_PAYLOAD_BYTES);
        setup.put("mqttInFlightPerDevice", Workloads.MQTT_IN_FLIGHT_PER_DEVICE);
        Workloads.BASELINE_PRODUCER.forEach(setup.putArray("producerSettings")::add);
        Workloads.JVM_FLAGS.forEach(setup.putArray("jvmFlags")::add);
        Workloads.BROKER_JVM_FLAGS.forEach(setup.putArray("brokerJvmFlags")::add);
        return setup;
    }

    private static ObjectNode measurement(Measurement m) {
        ObjectNode node = JSON.createObjectNode();
        if (!m.succeeded()) {
            node.put("failure", m.failure());
            node.put("loadAverageAtStart", m.loadAverageAtStart());
            return node;
        }
        number(node, "eventsPerSec", m.eventsPerSec());
        number(node, "meanMs", m.latency().meanMs());
        number(node, "p50Ms", m.latency().p50Ms());
        number(node, "p99Ms", m.latency().p99Ms());
        number(node, "p999Ms", m.latency().p999Ms());
        number(node, "maxMs", m.latency().maxMs());
        number(node, "meanInFlight", m.latency().meanInFlight(m.eventsPerSec()));
        node.put("acknowledged", m.delivery().acknowledged());
        node.put("onTopic", m.delivery().onTopic());
        node.put("lost", m.delivery().lost());
        node.put("unacknowledgedOnTopic", m.delivery().unacknowledgedOnTopic());
        node.put("failed", m.delivery().failed());
        node.put("unanswered", m.delivery().unanswered());
        number(node, "meanRecordBytes", m.meanRecordBytes());
        number(node, "adapterCpuMicrosPerEvent", m.cpu().adapterMicros());
        number(node, "clientCpuMicrosPerEvent", m.cpu().clientMicros());
        number(node, "brokerCpuMicrosPerEvent", m.cpu().brokerMicros());
        node.put("loadAverageAtStart", m.loadAverageAtStart());
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
