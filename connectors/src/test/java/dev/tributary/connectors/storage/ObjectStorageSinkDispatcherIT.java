package dev.tributary.connectors.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.SinkRunner;
import dev.tributary.dispatcher.DeadLetterHeaders;
import dev.tributary.dispatcher.DispatcherSettings;
import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.dispatcher.FunctionDispatcher;
import dev.tributary.dispatcher.OrderingMode;
import dev.tributary.dispatcher.RetryPolicy;
import dev.tributary.sdk.RetryableException;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.S3Endpoint;
import dev.tributary.testkit.WithLocalKafka;
import dev.tributary.testkit.WithS3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The object storage sink run by a real dispatcher on a real broker, writing to a real S3 API server: batches per
 * partition, offsets committed only for events whose object exists, retries that rewrite the same object, and dead
 * letters once the retries are spent.
 */
@WithS3
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class ObjectStorageSinkDispatcherIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How a batching sink is subscribed: events in flight together, up to a fixed concurrency. */
    private static final UnaryOperator<DispatcherSettings> BATCHING =
            settings -> settings.withOrdering(OrderingMode.UNORDERED).withConcurrency(64, 64);

    /** Room for maxAge and the sink's own 5 s timeout within one invocation, as the docs advise. */
    private static FailureSettings retries(int attempts) {
        return new FailureSettings(Duration.ofSeconds(30),
                new RetryPolicy(attempts, Duration.ofMillis(20), Duration.ofMillis(200), 2.0, 0.2), Optional.empty());
    }

    @Test
    void eachPartitionBecomesObjectsNamedByTheirOffsetsAndOffsetsAreCommittedOnceTheObjectsExist(
            @BootstrapServers String bootstrap, @S3Endpoint URI s3) throws Exception {
        String topic = "archive-batches";
        KafkaTestClients.createTopic(bootstrap, topic, 2, (short) 1, Map.of());
        try (Bucket bucket = Bucket.at(s3, "archive-batches").create(); SinkRunner runner = new SinkRunner(bootstrap)) {
            for (int offset = 0; offset < 6; offset++) {
                runner.publish(topic, 0, "p0-" + offset, "d-" + offset, "{\"seq\": " + offset + "}");
            }
            for (int offset = 0; offset < 3; offset++) {
                runner.publish(topic, 1, "p1-" + offset, "d-" + offset, "{\"seq\": " + offset + "}");
            }
            FunctionDispatcher dispatcher = runner.start("archiver", topic, new ObjectStorageSink(),
                    Bucket.sinkConfig(s3, "archive-batches", Map.of("prefix", "raw", "maxRecords", 5,
                            "maxAge", "500ms", "timeout", "5s")), retries(5), BATCHING);

            await().atMost(PATIENCE).until(() -> dispatcher.stats().succeeded() == 9);
            await().atMost(PATIENCE).until(() -> committed(bootstrap, "archiver", topic).equals(Map.of(0, 6L, 1, 3L)));

            Map<String, List<Long>> partition0 = offsetsByObject(bucket, "raw/" + topic + "/0/");
            assertThat(partition0.values()).as("a full batch of maxRecords and the one left over at maxAge")
                    .extracting(List::size).containsExactlyInAnyOrder(5, 1);
            assertThat(partition0.values().stream().flatMap(List::stream)).containsExactlyInAnyOrder(0L, 1L, 2L, 3L,
                    4L, 5L);
            partition0.forEach((name, offsets) -> assertThat(name).isEqualTo(
                    String.format("raw/%s/0/%019d-%019d.jsonl", topic, offsets.getFirst(), offsets.getLast())));
            assertThat(offsetsByObject(bucket, "raw/" + topic + "/1/")).containsExactly(Map.entry(
                    "raw/" + topic + "/1/0000000000000000000-0000000000000000002.jsonl", List.of(0L, 1L, 2L)));
            assertThat(bucket.contentType(partition0.keySet().iterator().next())).isEqualTo("application/x-ndjson");
            assertThat(dispatcher.stats().failed()).isZero();
        }
    }

    @Test
    void aBatchWhoseWriteFailedIsRewrittenUnderTheSameNameAndItsOffsetsWaitForIt(@BootstrapServers String bootstrap,
                                                                                 @S3Endpoint URI s3) throws Exception {
        String topic = "archive-retries";
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        try (Bucket bucket = Bucket.at(s3, "archive-retries").create(); SinkRunner runner = new SinkRunner(bootstrap)) {
            FunctionDispatcher dispatcher = runner.start("retrying-archiver", topic, new ObjectStorageSink(),
                    Bucket.sinkConfig(s3, "archive-retries", Map.of("maxRecords", 3, "maxAge", "300ms",
                            "timeout", "5s")),
                    retries(1_000), BATCHING);
            // The sink checked the bucket at start; now every write fails until it is back.
            bucket.delete();
            for (int offset = 0; offset < 3; offset++) {
                runner.publish(topic, "r-" + offset, "d-1", "{\"seq\": " + offset + "}");
            }
            await().atMost(PATIENCE).until(() -> dispatcher.stats().retried() >= 3);
            // A newcomer forms a batch of its own while the first batch's events are retried.
            runner.publish(topic, "r-3", "d-1", "{\"seq\": 3}");
            await().atMost(PATIENCE).until(() -> dispatcher.stats().retried() >= 6);
            assertThat(committed(bootstrap, "retrying-archiver", topic).getOrDefault(0, 0L))
                    .as("no offset past the events while none is written").isZero();

            bucket.create();

            await().atMost(PATIENCE).until(() -> dispatcher.stats().succeeded() == 4);
            await().atMost(PATIENCE).until(() -> committed(bootstrap, "retrying-archiver", topic)
                    .equals(Map.of(0, 4L)));
            assertThat(dispatcher.stats().deadLettered()).isZero();
            assertThat(offsetsByObject(bucket, "")).containsExactly(
                    Map.entry(topic + "/0/0000000000000000000-0000000000000000002.jsonl", List.of(0L, 1L, 2L)),
                    Map.entry(topic + "/0/0000000000000000003-0000000000000000003.jsonl", List.of(3L)));
        }
    }

    @Test
    void eventsOfABatchTheStoreKeepsRefusingGoToTheDeadLetterTopicOnceTheRetriesAreSpent(
            @BootstrapServers String bootstrap, @S3Endpoint URI s3) throws Exception {
        String topic = "archive-dead";
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        try (Bucket bucket = Bucket.at(s3, "archive-dead").create(); SinkRunner runner = new SinkRunner(bootstrap)) {
            FunctionDispatcher dispatcher = runner.start("doomed-archiver", topic, new ObjectStorageSink(),
                    Bucket.sinkConfig(s3, "archive-dead", Map.of("maxRecords", 2, "maxAge", "200ms",
                            "timeout", "5s")),
                    retries(3),
                    BATCHING);
            bucket.delete();
            runner.publish(topic, "d-0", "d-1", "{\"seq\": 0}");
            runner.publish(topic, "d-1", "d-1", "{\"seq\": 1}");

            await().atMost(PATIENCE).until(() -> dispatcher.stats().deadLettered() == 2);
            assertThat(dispatcher.stats().succeeded()).isZero();
        }
        List<ConsumerRecord<String, String>> deadLetters =
                KafkaTestClients.readTopic(bootstrap, topic + ".doomed-archiver.dlt", PATIENCE);
        assertThat(deadLetters).extracting(ConsumerRecord::value)
                .as("unordered, as the subscription is").containsExactlyInAnyOrder("{\"seq\": 0}", "{\"seq\": 1}");
        ConsumerRecord<String, String> deadLetter = deadLetters.get(0);
        assertThat(SinkRunner.errorClass(deadLetter)).isEqualTo(RetryableException.class.getName());
        assertThat(SinkRunner.header(deadLetter, DeadLetterHeaders.ERROR_MESSAGE))
                .startsWith("object storage sink doomed-archiver writing s3://archive-dead/" + topic
                        + "/0/0000000000000000000-0000000000000000001.jsonl at http://127.0.0.1:")
                .contains("HTTP 404 NoSuchBucket")
                .endsWith("create bucket archive-dead or correct bucket and endpoint");
        assertThat(SinkRunner.header(deadLetter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
    }

    /** Each object under {@code prefix} with the offsets of its events, read from their ids, in line order. */
    private static Map<String, List<Long>> offsetsByObject(Bucket bucket, String prefix) {
        Map<String, List<Long>> objects = new TreeMap<>();
        for (String name : bucket.names(prefix)) {
            List<Long> offsets = new ArrayList<>();
            for (String line : bucket.lines(name)) {
                try {
                    String id = JSON.readTree(line).path("id").asText();
                    offsets.add(Long.parseLong(id.substring(id.indexOf('-') + 1)));
                } catch (IOException e) {
                    throw new UncheckedIOException("a line of " + name + " is not JSON: " + line, e);
                }
            }
            objects.put(name, offsets);
        }
        return objects;
    }

    /** The function's committed offsets by partition; empty before its first commit. */
    private static Map<Integer, Long> committed(String bootstrap, String function, String topic) throws Exception {
        try (Admin admin = KafkaTestClients.admin(bootstrap)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("tributary." + function)
                    .partitionsToOffsetAndMetadata().get();
            Map<Integer, Long> byPartition = new TreeMap<>();
            offsets.forEach((partition, offset) -> {
                if (partition.topic().equals(topic) && offset != null) {
                    byPartition.put(partition.partition(), offset.offset());
                }
            });
            return byPartition;
        }
    }
}
