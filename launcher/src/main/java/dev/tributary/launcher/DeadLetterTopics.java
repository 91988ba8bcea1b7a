package dev.tributary.launcher;

import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.launcher.config.FunctionSettings;
import dev.tributary.launcher.config.TopicSelection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The dead-letter topics of a function that exist on the cluster. */
final class DeadLetterTopics {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private DeadLetterTopics() {
    }

    /** One per source topic by default, or the one the function names; for a pattern, every matching one. */
    static List<String> existing(FunctionSettings function, Map<String, Object> client) throws Exception {
        try (Admin admin = Admin.create(client)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            FailureSettings failures = function.subscribe().failures();
            List<String> topics = new ArrayList<>();
            if (failures.deadLetterTopic().isPresent()) {
                topics.add(failures.deadLetterTopic().get());
            } else if (function.subscribe().topics() instanceof TopicSelection.Listed listed) {
                listed.topics().forEach(topic -> topics.add(failures.deadLetterTopicFor(topic, function.name())));
            } else {
                Pattern suffix = Pattern.compile(".+\\." + Pattern.quote(function.name()) + "\\.dlt");
                existing.stream().filter(topic -> suffix.matcher(topic).matches()).sorted().forEach(topics::add);
            }
            topics.retainAll(existing);
            return topics;
        }
    }

    /**
     * Reads {@code topic} up to the end offsets it has now: every record, or the last {@code lastPerPartition}
     * of each partition, in timestamp order.
     *
     * @throws IllegalStateException when the end is not reached within the read timeout
     */
    static List<ConsumerRecord<byte[], byte[]>> read(String topic, Map<String, Object> client, long lastPerPartition) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put("enable.auto.commit", false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> reader =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            reader.assign(partitions);
            Map<TopicPartition, Long> begin = reader.beginningOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, READ_TIMEOUT);
            for (TopicPartition partition : partitions) {
                long last = end.get(partition) - lastPerPartition;
                reader.seek(partition, Math.max(begin.get(partition), last < 0 ? 0 : last));
            }
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                reader.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
        return records;
    }
}
