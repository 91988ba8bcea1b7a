package dev.tributary.bench.runner;

import dev.tributary.bench.core.MicroClock;
import dev.tributary.embedded.KafkaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The benchmark's one broker, a child-process KRaft broker on 127.0.0.1 with fresh data, and the clients the
 * runner talks to it with. Closing it stops the broker and deletes its data.
 */
final class BrokerSession implements AutoCloseable {

    /** The broker's JVM flags: Kafka's own distribution starts it with a 1 GiB heap and G1. */
    static final List<String> BROKER_JVM_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");

    private final KafkaProcess kafka;
    private final Admin admin;
    private final Topics topics;
    private final GroupProbe probe;
    private final KeyedLoader loader;

    private BrokerSession(KafkaProcess kafka) {
        this.kafka = kafka;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        this.topics = new Topics(admin);
        this.probe = new GroupProbe(admin);
        this.loader = new KeyedLoader(kafka.bootstrapServers(), Scenarios.KEYS, MicroClock.SYSTEM);
    }

    static BrokerSession start(Path dataDir) throws IOException, InterruptedException {
        deleteTree(dataDir);
        KafkaProcess kafka = KafkaProcess.builder(dataDir)
                .jvmOptions(BROKER_JVM_FLAGS)
                .startTimeout(Duration.ofSeconds(120))
                .build()
                .start();
        return new BrokerSession(kafka);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Path logFile() {
        return kafka.logFile();
    }

    Topics topics() {
        return topics;
    }

    GroupProbe probe() {
        return probe;
    }

    KeyedLoader loader() {
        return loader;
    }

    @Override
    public void close() throws IOException {
        loader.close();
        admin.close();
        kafka.stop(Duration.ofSeconds(20));
        deleteTree(kafka.dataDir().resolve("kafka-logs"));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
