package dev.tributary.testkit;

import dev.tributary.embedded.KafkaNodeConfig;
import dev.tributary.embedded.KafkaReadiness;
import dev.tributary.embedded.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real KRaft Kafka cluster inside the test JVM, every listener on 127.0.0.1.
 *
 * <p>One broker runs as a combined broker and controller node. Several brokers run beside a separate
 * controller-only node, so that any broker can be stopped with {@link #stopBroker(int)} and started again
 * with {@link #startBroker(int)} on the same port and data while the cluster keeps its quorum. Storage lives
 * in a temporary directory that {@link #close()} removes.
 *
 * <pre>{@code
 * try (LocalKafka kafka = LocalKafka.builder().brokers(3).start()) {
 *     kafka.stopBroker(0);
 * }
 * }</pre>
 */
public final class LocalKafka implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int FIRST_BROKER_ID = 1;
    private static final int CONTROLLER_ID = 0;

    private final Path root;
    private final KafkaNodeConfig controller;
    private final List<KafkaNodeConfig> brokers;
    private final Map<Integer, KafkaRaftServer> running = new ConcurrentHashMap<>();

    private LocalKafka(Path root, KafkaNodeConfig controller, List<KafkaNodeConfig> brokers) {
        this.root = root;
        this.controller = controller;
        this.brokers = brokers;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A started single-broker cluster with the default settings. */
    public static LocalKafka start() {
        return builder().start();
    }

    /** Every broker, running or not, as {@code host:port} pairs. */
    public String bootstrapServers() {
        return brokers.stream()
                .map(node -> KafkaNodeConfig.HOST + ":" + node.brokerPort())
                .collect(Collectors.joining(","));
    }

    public int brokerCount() {
        return brokers.size();
    }

    /** The Kafka node id of the broker at {@code index}, as metadata and partition leaders name it. */
    public int brokerId(int index) {
        return broker(index).nodeId();
    }

    /** The index of the broker with the given node id, the inverse of {@link #brokerId(int)}. */
    public int brokerIndex(int nodeId) {
        for (int i = 0; i < brokers.size(); i++) {
            if (brokers.get(i).nodeId() == nodeId) {
                return i;
            }
        }
        throw new IllegalArgumentException("no broker has node id " + nodeId);
    }

    public synchronized boolean isRunning(int index) {
        return running.containsKey(broker(index).nodeId());
    }

    /** Shuts the broker at {@code index} down (a controlled shutdown) and waits until it has stopped. */
    public synchronized void stopBroker(int index) {
        KafkaRaftServer server = running.remove(broker(index).nodeId());
        if (server == null) {
            throw new IllegalStateException("broker " + index + " is not running");
        }
        shutdown(server);
    }

    /** Starts the broker at {@code index} again, on its port and data, and waits until it serves metadata. */
    public synchronized void startBroker(int index) {
        KafkaNodeConfig node = broker(index);
        if (running.containsKey(node.nodeId())) {
            throw new IllegalStateException("broker " + index + " is already running");
        }
        launch(node);
        awaitBrokers(KafkaNodeConfig.HOST + ":" + node.brokerPort(), running.size() - controllerCount());
    }

    @Override
    public synchronized void close() {
        List<KafkaRaftServer> brokerServers = brokers.stream()
                .map(node -> running.remove(node.nodeId()))
                .filter(server -> server != null)
                .toList();
        // Brokers before the controller: a broker without its controller waits out its shutdown timeout.
        inParallel(brokerServers, LocalKafka::shutdown);
        running.values().forEach(LocalKafka::shutdown);
        running.clear();
        deleteRecursively(root);
    }

    private LocalKafka startAll() {
        String clusterId = Uuid.randomUuid().toString();
        List<KafkaNodeConfig> nodes = new ArrayList<>(brokers);
        if (controller != null) {
            nodes.add(0, controller);
        }
        nodes.forEach(node -> format(node, clusterId));
        try {
            if (controller != null) {
                launch(controller);
            }
            // Brokers start concurrently: each waits for the controller, not for each other.
            inParallel(brokers, this::launch);
            awaitBrokers(bootstrapServers(), brokers.size());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    private void launch(KafkaNodeConfig node) {
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(node.toMap(), false), Time.SYSTEM);
        server.startup();
        running.put(node.nodeId(), server);
    }

    private static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Runs {@code action} on every item at once, on threads of its own, and returns when all are done. */
    private static <T> void inParallel(List<T> items, Consumer<T> action) {
        List<Future<?>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory())) {
            items.forEach(item -> results.add(threads.submit(() -> action.accept(item))));
        }
        for (Future<?> result : results) {
            try {
                result.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a Kafka node failed: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void awaitBrokers(String bootstrapServers, int expected) {
        try {
            KafkaReadiness.await(bootstrapServers, expected, READY_TIMEOUT, () -> true);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
    }

    private int controllerCount() {
        return controller != null && running.containsKey(controller.nodeId()) ? 1 : 0;
    }

    private KafkaNodeConfig broker(int index) {
        if (index < 0 || index >= brokers.size()) {
            throw new IndexOutOfBoundsException("broker index " + index + " of " + brokers.size() + " brokers");
        }
        return brokers.get(index);
    }

    private static void format(KafkaNodeConfig node, String clusterId) {
        try {
            Path config = node.writeTo(node.logDir().resolveSibling("node-" + node.nodeId() + ".properties"));
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            int status = kafka.tools.StorageTool.execute(
                    new String[] {"format", "--cluster-id", clusterId, "--config", config.toString()}, quiet);
            if (status != 0) {
                throw new IllegalStateException("formatting the storage of node " + node.nodeId() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings of a {@link LocalKafka}. */
    public static final class Builder {
        private int brokers = 1;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();

        private Builder() {
        }

        /** How many brokers; more than one adds a separate controller node. */
        public Builder brokers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a cluster needs at least one broker, not " + count);
            }
            this.brokers = count;
            return this;
        }

        /** A server property for every node, winning over the defaults of {@link KafkaNodeConfig}. */
        public Builder brokerProperty(String name, String value) {
            brokerProperties.put(name, value);
            return this;
        }

        public Builder brokerProperties(Map<String, String> properties) {
            brokerProperties.putAll(properties);
            return this;
        }

        public LocalKafka start() {
            Path root;
            try {
                root = Files.createTempDirectory("tributary-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KafkaNodeConfig controller = null;
            List<KafkaNodeConfig> nodes = new ArrayList<>();
            if (brokers == 1) {
                nodes.add(KafkaNodeConfig.combined(FIRST_BROKER_ID, Ports.freePort(), Ports.freePort(),
                        root.resolve("node-" + FIRST_BROKER_ID)).withAll(brokerProperties));
            } else {
                int controllerPort = Ports.freePort();
                controller = KafkaNodeConfig.controller(CONTROLLER_ID, controllerPort,
                        root.resolve("node-" + CONTROLLER_ID), brokers).withAll(brokerProperties);
                String voters = KafkaNodeConfig.voter(CONTROLLER_ID, controllerPort);
                for (int i = 0; i < brokers; i++) {
                    int id = FIRST_BROKER_ID + i;
                    nodes.add(KafkaNodeConfig.broker(id, Ports.freePort(), voters, root.resolve("node-" + id), brokers)
                            .withAll(brokerProperties));
                }
            }
            return new LocalKafka(root, controller, List.copyOf(nodes)).startAll();
        }
    }
}
