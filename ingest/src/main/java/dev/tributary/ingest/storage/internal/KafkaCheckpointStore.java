package dev.tributary.ingest.storage.internal;

import dev.tributary.ingest.storage.StoragePollException;
import dev.tributary.schemas.StorageEventKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poller's checkpoint in a compacted Kafka topic, one record per object ({@link CheckpointRecords}). Loading
 * reads every partition from the beginning to the end it had when the load began; saving returns once Kafka has
 * acknowledged every record ({@code acks=all}).
 *
 * <p>Why per object rather than one record per poller holding the whole listing: a record is limited to about a
 * megabyte, which a listing of a few thousand keys passes, and a poll that finds one change then writes one small
 * record instead of the whole listing again.
 */
public final class KafkaCheckpointStore implements CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCheckpointStore.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final CheckpointRecords records;
    private final CheckpointClients clients;
    private final Producer<byte[], byte[]> producer;
    private final Duration timeout;

    private KafkaCheckpointStore(String topic, CheckpointRecords records, CheckpointClients clients,
                                 Producer<byte[], byte[]> producer, Duration timeout) {
        this.topic = topic;
        this.records = records;
        this.clients = clients;
        this.producer = producer;
        this.timeout = timeout;
    }

    /**
     * Creates the topic when it is missing, and the producer.
     *
     * @param timeout how long a Kafka request of the checkpoint may take
     * @throws IllegalStateException when the topic is missing and cannot be created, or is not compacted
     */
    public static KafkaCheckpointStore open(CheckpointClients clients, String topic, CheckpointRecords records,
                                            Duration timeout) {
        CheckpointTopic.ensure(clients.admin(), topic, timeout);
        Map<String, Object> config = clients.producer();
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        return new KafkaCheckpointStore(topic, records, clients,
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()), timeout);
    }

    /** @throws IllegalStateException when the topic cannot be read to its end within the timeout */
    @Override
    public SortedMap<String, ObjectVersion> load() {
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients.consumer(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            SortedMap<String, ObjectVersion> versions = new TreeMap<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("could not read the storage checkpoint topic '" + topic
                            + "' to its end " + end + " within " + timeout + "; check that Kafka is reachable");
                }
                consumer.poll(POLL).forEach(record -> apply(record, versions));
            }
            return versions;
        } catch (KafkaException e) {
            throw new IllegalStateException("could not read the storage checkpoint topic '" + topic + "': "
                    + e.getMessage() + "; check that Kafka is reachable and this client may read the topic", e);
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record, SortedMap<String, ObjectVersion> versions) {
        Optional<String> objectKey = records.objectKey(record.key());
        if (objectKey.isEmpty()) {
            return;
        }
        if (record.value() == null) {
            versions.remove(objectKey.get());
            return;
        }
        try {
            versions.put(objectKey.get(), records.version(record.value()));
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring record {} of partition {} of {} for '{}': {}", record.offset(), record.partition(),
                    topic, objectKey.get(), e.getMessage());
        }
    }

    private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    @Override
    public void save(List<Change> changes) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(changes.size());
        try {
            for (Change change : changes) {
                byte[] value = change.kind() == StorageEventKind.DELETED
                        ? null : records.value(change.version());
                sent.add(producer.send(new ProducerRecord<>(topic, records.key(change.key()), value)));
            }
            for (Future<RecordMetadata> record : sent) {
                record.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new StoragePollException("the events of " + changes.size() + " changes are on Kafka, but the "
                    + "checkpoint topic '" + topic + "' did not take them (" + cause + "); the next poll publishes "
                    + "them again", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoragePollException("interrupted while writing the checkpoint of " + changes.size()
                    + " published changes; the next poller publishes them again", e);
        }
    }

    @Override
    public void close() {
        producer.close(timeout);
    }
}
