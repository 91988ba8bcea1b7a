package dev.tributary.bench.ingest;

import dev.tributary.embedded.KafkaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The benchmark's one broker: a child-process KRaft broker on 127.0.0.1 with fresh data, and what the runner asks
 * it: create a topic, count the records on one, measure their size. Closing it stops the broker and deletes its
 * data.
 */
final class BenchBroker implements AutoCloseable {

    private final KafkaProcess kafka;
    private final Admin admin;

    private BenchBroker(KafkaProcess kafka) {
        this.kafka = kafka;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    static BenchBroker start(Path dataDir) throws IOException, InterruptedException {
        deleteTree(dataDir);
        KafkaProcess kafka = KafkaProcess.builder(dataDir)
                .jvmOptions(Workloads.BROKER_JVM_FLAGS)
                .startTimeout(Duration.ofSeconds(120))
                .build()
                .start();
        return new BenchBroker(kafka);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Path logFile() {
        return kafka.logFile();
    }

    /** The broker JVM's CPU time so far. */
    Duration cpuTime() {
        return ProcessHandle.of(kafka.pid()).flatMap(handle -> handle.info().totalCpuDuration())
                .orElse(Duration.ZERO);
    }

    /** Creates {@code topic} and returns once every partition has a leader that answers. */
    void createTopic(String topic, int partitions) throws InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topic " + topic + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                recordsOn(topic, partitions);
                return;
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + topic + " has partitions no leader serves", e);
                }
            }
            Thread.sleep(50);
        }
    }

    /** Deletes {@code topic}, so that a full run holds on disk only the records of the contender running. */
    void deleteTopic(String topic) throws InterruptedException {
        try {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not delete topic " + topic + ": " + e.getMessage(), e);
        }
    }

    /**
     * The records on {@code topic}: the sum over its partitions of end offset minus start offset. Exact here, since
     * nothing writes transactions (no control records) and nothing is deleted during a run.
     */
    long recordsOn(String topic, int partitions) throws InterruptedException {
        Map<TopicPartition, Long> latest = offsets(topic, partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> earliest = offsets(topic, partitions, OffsetSpec.earliest());
        return latest.entrySet().stream().mapToLong(e -> e.getValue() - earliest.get(e.getKey())).sum();
    }

    /**
     * The mean size of a record on {@code topic} as the producer saw it (key, value, header names and values),
     * over up to {@code sample} records read from the start of its partitions; NaN for an empty topic.
     */
    double meanRecordBytes(String topic, int sample) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, sample);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long bytes = 0;
            int records = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (records < sample && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (records++ < sample) {
                        bytes += sizeOf(record);
                    }
                }
            }
            return records == 0 ? Double.NaN : (double) bytes / Math.min(records, sample);
        }
    }

    @Override
    public void close() throws IOException {
        admin.close();
        kafka.stop(Duration.ofSeconds(20));
        deleteTree(kafka.dataDir().resolve("kafka-logs"));
    }

    private Map<TopicPartition, Long> offsets(String topic, int partitions, OffsetSpec spec)
            throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), spec);
        }
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer =
                    admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(ConsumerRecord<byte[], byte[]> record) {
        long size = (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
        for (Header header : record.headers()) {
            size += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
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
