package dev.tributary.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backlog of 200,000 records of 1 KiB (about 200 MiB) in front of a function that handles 1,600 a second, read
 * by a dispatcher in a JVM whose heap is capped at {@value #HEAP_MB} MiB. Without pausing partitions the
 * dispatcher would buffer the backlog and run out of memory within seconds; with it, the records waiting in
 * memory stay under {@code partitions x (bound + max.poll.records)}.
 */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class BackpressureIT {

    private static final String TOPIC = "backlog";
    private static final int PARTITIONS = 4;
    private static final int RECORDS = 200_000;
    private static final int BOUND = 500;
    private static final int MAX_POLL_RECORDS = 500;
    private static final int HEAP_MB = 64;
    private static final Pattern REPORT = Pattern.compile("REPORT handled=(\\d+) peakBuffered=(\\d+) peakHeapMb=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void aSlowFunctionOverAHugeBacklogKeepsBufferedRecordsAndTheHeapBounded(@BootstrapServers String bootstrap)
            throws Exception {
        KafkaTestClients.createTopic(bootstrap, TOPIC, PARTITIONS, (short) 1, Map.of());
        produceBacklog(bootstrap);

        Path output = dir.resolve("dispatcher.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                BackpressureMain.class.getName(), bootstrap, TOPIC, String.valueOf(BOUND), "3000")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the dispatcher finished; its log: %s", output).isTrue();
            String log = Files.readString(output);
            // -XX:+ExitOnOutOfMemoryError: a heap that outgrew its cap ends the run with a non-zero code.
            assertThat(child.exitValue()).as("exit code; log:%n%s", log).isZero();
            Matcher report = REPORT.matcher(log);
            assertThat(report.find()).as("report line in:%n%s", log).isTrue();
            System.out.println("backpressure: " + report.group());

            assertThat(Long.parseLong(report.group(1))).isGreaterThanOrEqualTo(3_000);
            assertThat(Long.parseLong(report.group(2))).isLessThanOrEqualTo(PARTITIONS * (BOUND + MAX_POLL_RECORDS));
        } finally {
            child.destroyForcibly();
        }
    }

    private static void produceBacklog(String bootstrap) {
        byte[] value = new byte[1_024];
        new Random(1).nextBytes(value);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrap, "linger.ms", 20, "batch.size", 262_144, "compression.type", "none"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(TOPIC, ("k" + i % 1_000).getBytes(), value));
            }
            producer.flush();
        }
    }
}
