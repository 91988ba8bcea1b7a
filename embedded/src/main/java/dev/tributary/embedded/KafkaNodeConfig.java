package dev.tributary.embedded;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Server properties of one KRaft node whose listeners all bind to 127.0.0.1.
 *
 * <p>The settings are those of a small development or test cluster: replication factors and
 * in-sync minimums of the internal topics follow the number of brokers, the first group join does not
 * wait, and a stopped broker is noticed within seconds. One definition serves the child-process broker
 * and the in-JVM cluster of the testkit, so both behave alike.
 */
public final class KafkaNodeConfig {

    public static final String BROKER_LISTENER = "PLAINTEXT";
    public static final String CONTROLLER_LISTENER = "CONTROLLER";
    public static final String HOST = "127.0.0.1";

    private final int nodeId;
    private final String processRoles;
    private final int brokerPort;
    private final int controllerPort;
    private final String quorumVoters;
    private final Path logDir;
    private final int brokerCount;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private KafkaNodeConfig(int nodeId, String processRoles, int brokerPort, int controllerPort,
                            String quorumVoters, Path logDir, int brokerCount) {
        this.nodeId = nodeId;
        this.processRoles = processRoles;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.quorumVoters = quorumVoters;
        this.logDir = Objects.requireNonNull(logDir, "logDir");
        this.brokerCount = brokerCount;
    }

    /** A single node that is both the only broker and the only controller. */
    public static KafkaNodeConfig combined(int nodeId, int brokerPort, int controllerPort, Path logDir) {
        return new KafkaNodeConfig(nodeId, "broker,controller", brokerPort, controllerPort,
                voter(nodeId, controllerPort), logDir, 1);
    }

    /** A controller-only node for a cluster of {@code brokerCount} brokers. */
    public static KafkaNodeConfig controller(int nodeId, int controllerPort, Path logDir, int brokerCount) {
        return new KafkaNodeConfig(nodeId, "controller", -1, controllerPort,
                voter(nodeId, controllerPort), logDir, brokerCount);
    }

    /** A broker-only node of a cluster of {@code brokerCount} brokers led by {@code quorumVoters}. */
    public static KafkaNodeConfig broker(int nodeId, int brokerPort, String quorumVoters, Path logDir,
                                         int brokerCount) {
        return new KafkaNodeConfig(nodeId, "broker", brokerPort, -1, quorumVoters, logDir, brokerCount);
    }

    /** The {@code controller.quorum.voters} entry of a controller. */
    public static String voter(int nodeId, int controllerPort) {
        return nodeId + "@" + HOST + ":" + controllerPort;
    }

    /** Sets or replaces a server property; it wins over the defaults of this class. */
    public KafkaNodeConfig with(String name, String value) {
        overrides.put(name, value);
        return this;
    }

    public KafkaNodeConfig withAll(Map<String, String> properties) {
        overrides.putAll(properties);
        return this;
    }

    public int nodeId() {
        return nodeId;
    }

    public boolean isBroker() {
        return brokerPort > 0;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public Path logDir() {
        return logDir;
    }

    public Map<String, String> toMap() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("node.id", String.valueOf(nodeId));
        p.put("process.roles", processRoles);
        p.put("controller.quorum.voters", quorumVoters);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("listeners", listeners());
        if (isBroker()) {
            p.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
            p.put("inter.broker.listener.name", BROKER_LISTENER);
        }
        p.put("log.dirs", logDir.toAbsolutePath().toString());

        int replicas = Math.min(3, brokerCount);
        int minIsr = Math.min(2, brokerCount);
        p.put("offsets.topic.replication.factor", String.valueOf(replicas));
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", String.valueOf(replicas));
        p.put("transaction.state.log.min.isr", String.valueOf(minIsr));
        p.put("share.coordinator.state.topic.replication.factor", String.valueOf(replicas));
        p.put("share.coordinator.state.topic.min.isr", String.valueOf(minIsr));
        p.put("min.insync.replicas", "1");
        // Without this every first join of a consumer group waits three seconds.
        p.put("group.initial.rebalance.delay.ms", "0");
        // A stopped broker is fenced, and a restarted one rejoins, within about a second.
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
        p.putAll(overrides);
        return p;
    }

    public Properties toProperties() {
        Properties properties = new Properties();
        properties.putAll(toMap());
        return properties;
    }

    /** Writes the properties as a {@code server.properties} file, for Kafka's own tools to read. */
    public Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            toProperties().store(out, "written by Tributary for node " + nodeId);
        }
        return file;
    }

    private String listeners() {
        StringBuilder listeners = new StringBuilder();
        if (brokerPort > 0) {
            listeners.append(BROKER_LISTENER).append("://").append(HOST).append(':').append(brokerPort);
        }
        if (controllerPort > 0) {
            if (!listeners.isEmpty()) {
                listeners.append(',');
            }
            listeners.append(CONTROLLER_LISTENER).append("://").append(HOST).append(':').append(controllerPort);
        }
        return listeners.toString();
    }
}
