package dev.tributary.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the pipeline's topics from the start, on a thread of its own, and counts distinct events on each by their
 * CloudEvents id, so that a copy written again after a retry counts once. Reads committed records only, as the stream
 * functions' transactional outputs need.
 */
public final class PipelineCounts implements AutoCloseable {

    private static final List<String> TOPICS = List.of(DemoTopics.TELEMETRY, DemoTopics.DEAD_LETTERS,
            DemoTopics.INVALID, DemoTopics.SUMMARIES, DemoTopics.ALERTS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Set<String>> idsByTopic = new ConcurrentHashMap<>();
    /** The windows whose summary is above the threshold, as {@code <device>@<window start>}: each must alert. */
    private final Set<String> hotWindows = ConcurrentHashMap.newKeySet();
    private final double threshold;
    private volatile boolean running = true;
    private final Thread thread;

    private PipelineCounts(String bootstrapServers, double threshold) {
        this.threshold = threshold;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-demo-counts");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TOPICS.forEach(topic -> idsByTopic.put(topic, ConcurrentHashMap.newKeySet()));
        this.thread = Thread.ofPlatform().daemon().name("tributary-demo-counts").unstarted(this::run);
    }

    /**
     * Starts counting the topics, creating those that do not exist yet: the dead-letter topic appears only with the
     * first dead letter, and a consumer assigned before that would never see it.
     */
    public static PipelineCounts start(String bootstrapServers, double threshold) throws Exception {
        createMissing(bootstrapServers);
        PipelineCounts counts = new PipelineCounts(bootstrapServers, threshold);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                partitions.addAll(counts.partitionsOf(topic));
            }
            counts.consumer.assign(partitions);
            counts.consumer.seekToBeginning(partitions);
        } catch (Exception | Error e) {
            counts.consumer.close(Duration.ofSeconds(5));
            throw e;
        }
        counts.thread.start();
        return counts;
    }

    /** A topic created a moment ago may have no partitions in the metadata yet: asks again until it has. */
    private List<TopicPartition> partitionsOf(String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (!partitions.isEmpty()) {
                return partitions.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " has no partitions 30 s after it was created;"
                        + " see the Kafka log");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static void createMissing(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList();
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    count(record);
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // Closing.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void count(ConsumerRecord<byte[], byte[]> record) {
        idsByTopic.get(record.topic()).add(id(record));
        if (record.topic().equals(DemoTopics.SUMMARIES) && record.value() != null) {
            try {
                JsonNode summary = JSON.readTree(record.value());
                if (summary.path("temperature").path("average").asDouble() > threshold) {
                    hotWindows.add(summary.path("deviceId").asText() + "@" + summary.path("windowStart").asText());
                }
            } catch (IOException e) {
                // Not a summary: it cannot alert either.
            }
        }
    }

    private static String id(ConsumerRecord<byte[], byte[]> record) {
        Header id = record.headers().lastHeader("ce_id");
        return id != null ? new String(id.value(), StandardCharsets.UTF_8)
                : record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** Distinct events seen on {@code topic}. */
    public int count(String topic) {
        return idsByTopic.get(topic).size();
    }

    /** The ids of the alerts on {@link DemoTopics#ALERTS}. */
    public Set<String> alertIds() {
        return Set.copyOf(idsByTopic.get(DemoTopics.ALERTS));
    }

    /** Summaries above the threshold: the alerts there must be. */
    public int hotWindows() {
        return hotWindows.size();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10));
    }
}
