package dev.tributary.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.tributary.embedded.Ports;
import dev.tributary.testkit.KafkaTestClients;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary dev} as a user runs it: its own JVM, a real broker, Ctrl-C to stop. */
class DevCommandIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(15);
    private static final String READY = "Press Ctrl-C to stop.";

    @TempDir
    Path dataDir;

    @Test
    void servesKafkaStopsEverythingOnCtrlCAndKeepsTopicsAcrossRestarts() throws Exception {
        int port = Ports.freePort();
        int registryPort = Ports.freePort();
        String bootstrap = "127.0.0.1:" + port;
        String registry = "http://127.0.0.1:" + registryPort + "/apis/ccompat/v7";

        try (LauncherProcess dev = startDev("--kafka-port", String.valueOf(port),
                "--registry-port", String.valueOf(registryPort))) {
            assertThat(dev.out()).anyMatch(line -> line.contains("Kafka bootstrap servers  " + bootstrap));
            assertThat(dev.out()).anyMatch(line -> line.contains("Schema registry          " + registry));
            assertThat(httpStatus(registry + "/subjects")).isEqualTo(200);
            KafkaTestClients.createTopic(bootstrap, "kept", 2, (short) 1, Map.of());
            try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
                for (int i = 0; i < 20; i++) {
                    producer.send(new ProducerRecord<>("kept", "k" + i, "v" + i)).get();
                }
            }
            stopsCleanlyOn(dev, "INT");
        }

        try (LauncherProcess dev = startDev("--kafka-port", String.valueOf(port), "--no-registry")) {
            assertThat(dev.out()).noneMatch(line -> line.contains("Schema registry"));
            List<ConsumerRecord<String, String>> records =
                    KafkaTestClients.readTopic(bootstrap, "kept", Duration.ofSeconds(30));
            assertThat(records).extracting(ConsumerRecord::value).hasSize(20).contains("v0", "v19");
            stopsCleanlyOn(dev, "TERM");
        }
    }

    @Test
    void runsTheFunctionsOfAConfigAgainstTheEmbeddedBroker() throws Exception {
        Path config = dataDir.resolve("tributary.yaml");
        Files.writeString(config, """
                functions:
                  - name: upper
                    handler: dev.tributary.launcher.Upper
                    subscribe:
                      topics: [words]
                      startFrom: earliest
                    output:
                      topic: shouts
                """);
        int port = Ports.freePort();
        String bootstrap = "127.0.0.1:" + port;
        try (LauncherProcess dev = startDev("--kafka-port", String.valueOf(port), "--no-registry",
                "--config", config.toString())) {
            assertThat(dev.out()).anyMatch(line -> line.contains("Function                 upper"));
            try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
                producer.send(new ProducerRecord<>("words", "k1", "hello")).get();
                producer.send(new ProducerRecord<>("words", "k1", "world")).get();
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(KafkaTestClients.readTopic(bootstrap, "shouts", Duration.ofSeconds(10)))
                            .extracting(ConsumerRecord::key, ConsumerRecord::value)
                            .containsExactly(tuple("k1", "HELLO"), tuple("k1", "WORLD")));
            stopsCleanlyOn(dev, "TERM");
        }
    }

    @Test
    void aFunctionBehindAUrlGetsEveryEventInKeyOrderAndItsRejectionsGoToTheDeadLetterTopic() throws Exception {
        Map<String, List<String>> received = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fn", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("ce-partitionkey");
            received.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(body);
            exchange.sendResponseHeaders(body.startsWith("bad") ? 400 : 204, -1);
            exchange.close();
        });
        server.start();
        Path config = dataDir.resolve("tributary.yaml");
        Files.writeString(config, """
                functions:
                  - name: remote
                    url: http://127.0.0.1:%d/fn
                    subscribe:
                      topics: [readings]
                      startFrom: earliest
                """.formatted(server.getAddress().getPort()));
        int port = Ports.freePort();
        String bootstrap = "127.0.0.1:" + port;
        try (LauncherProcess dev = startDev("--kafka-port", String.valueOf(port), "--no-registry",
                "--config", config.toString())) {
            try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
                for (int i = 0; i < 200; i++) {
                    producer.send(new ProducerRecord<>("readings", "device-" + i % 10, (i == 42 ? "bad-" : "") + i));
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    received.values().stream().mapToInt(List::size).sum() == 200);
            List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                deadLetters.clear();
                deadLetters.addAll(KafkaTestClients.readTopic(bootstrap, "readings.remote.dlt", Duration.ofSeconds(10)));
                return deadLetters.size() == 1;
            });
            assertThat(deadLetters.getFirst().value()).isEqualTo("bad-42");
            assertThat(new String(deadLetters.getFirst().headers().lastHeader("tributary.dlt.error.message").value(),
                    StandardCharsets.UTF_8)).contains("400");
            stopsCleanlyOn(dev, "TERM");
        } finally {
            server.stop(0);
        }
        received.forEach((key, bodies) -> assertThat(bodies.stream()
                .map(body -> Integer.parseInt(body.replace("bad-", ""))).toList()).as(key).isSorted());
    }

    @Test
    void anInvalidConfigIsReportedWithItsLinesBeforeAnythingStarts() throws Exception {
        Path config = dataDir.resolve("tributary.yaml");
        Files.writeString(config, """
                functions:
                  - name: upper
                    handler: dev.tributary.launcher.Upper
                    subscribe:
                      topics: [words]
                      ordering: keyed
                """);
        try (LauncherProcess dev = LauncherProcess.start("dev", "--config", config.toString(),
                "--data-dir", dataDir.toString())) {
            assertThat(dev.awaitExit(START)).isEqualTo(ExitCodes.USAGE);
            assertThat(dev.err()).containsExactly(config + ":6: functions[0].subscribe.ordering: 'keyed' is not"
                    + " one of partition, key, unordered");
            assertThat(dev.out()).isEmpty();
        }
    }

    @Test
    void aTakenPortIsAOneLineErrorWithExitTwoAndNothingLeftRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LauncherProcess dev = LauncherProcess.start("dev", "--kafka-port", String.valueOf(taken.getLocalPort()),
                     "--registry-port", String.valueOf(Ports.freePort()), "--data-dir", dataDir.toString())) {
            int exit = dev.awaitExit(START);

            assertThat(exit).isEqualTo(ExitCodes.USAGE);
            assertThat(dev.err()).containsExactly("tributary dev: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use; choose another with --kafka-port");
            assertThat(dev.out()).isEmpty();
            assertThat(dev.descendants()).isEmpty();
        }
    }

    @Test
    void aTakenRegistryPortNamesItsOwnFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LauncherProcess dev = LauncherProcess.start("dev", "--kafka-port", String.valueOf(Ports.freePort()),
                     "--registry-port", String.valueOf(taken.getLocalPort()), "--data-dir", dataDir.toString())) {
            assertThat(dev.awaitExit(START)).isEqualTo(ExitCodes.USAGE);
            assertThat(dev.err()).containsExactly("tributary dev: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use; choose another with --registry-port");
        }
    }

    private LauncherProcess startDev(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("dev", "--data-dir", dataDir.toString(), "--admin-port", "0"));
        args.addAll(List.of(options));
        LauncherProcess dev = LauncherProcess.start(args.toArray(String[]::new));
        dev.awaitOutput(READY, START);
        return dev;
    }

    private static int httpStatus(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void stopsCleanlyOn(LauncherProcess dev, String signal) throws Exception {
        List<ProcessHandle> children = dev.descendants();
        assertThat(children).as("the broker runs as a child process").isNotEmpty();

        dev.signal(signal);

        assertThat(dev.awaitExit(STOP)).isEqualTo(ExitCodes.OK);
        await().atMost(Duration.ofSeconds(5)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(dev.out()).contains("Stopped.");
    }
}
