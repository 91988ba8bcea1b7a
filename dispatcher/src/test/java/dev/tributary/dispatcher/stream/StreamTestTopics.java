package dev.tributary.dispatcher.stream;

import dev.tributary.dispatcher.stream.ReadingTotals.Totals;
import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.sdk.stream.StreamOutput;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Readings in, totals out: the Kafka side of the stream-function integration tests. */
final class StreamTestTopics {

    /** One reading to send: a CloudEvent keyed {@code key} with data {@code {"value": value}} at {@code time}. */
    record Reading(String id, String key, long value, Instant time) {
    }

    /** A window's result: the key, the window's start, and the totals. */
    record WindowTotals(String key, Instant windowStart, Totals totals) {
    }

    private static final KafkaEventCodec CODEC = new KafkaEventCodec();

    private StreamTestTopics() {
    }

    static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends the readings in order, as binary-mode CloudEvents, and waits until Kafka has every one. */
    static void send(KafkaProducer<byte[], byte[]> producer, String topic, List<Reading> readings) throws Exception {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        for (Reading reading : readings) {
            byte[] data = ("{\"value\":" + reading.value() + "}").getBytes(StandardCharsets.UTF_8);
            ProducerRecord<byte[], byte[]> event = CODEC.encode(topic, CloudEventBuilder.v1()
                    .withId(reading.id())
                    .withSource(URI.create("test://sensors"))
                    .withType("com.example.reading")
                    .withTime(OffsetDateTime.ofInstant(reading.time(), ZoneOffset.UTC))
                    .withExtension("partitionkey", reading.key())
                    .withDataContentType("application/json")
                    .withData(data)
                    .build());
            acks.add(producer.send(new ProducerRecord<>(topic, null, reading.time().toEpochMilli(), event.key(),
                    event.value(), event.headers())));
        }
        for (var ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
    }

    /** Sends a record with the given value bytes under a CloudEvent's headers, whatever the bytes are. */
    static void sendRaw(KafkaProducer<byte[], byte[]> producer, String topic, String id, String key, byte[] value,
                        Instant time) throws Exception {
        ProducerRecord<byte[], byte[]> event = CODEC.encode(topic, CloudEventBuilder.v1()
                .withId(id).withSource(URI.create("test://sensors")).withType("com.example.reading")
                .withExtension("partitionkey", key).withDataContentType("application/json").withData(value)
                .build());
        producer.send(new ProducerRecord<>(topic, null, time.toEpochMilli(), event.key(), event.value(),
                event.headers())).get(30, TimeUnit.SECONDS);
    }

    /**
     * Every record of {@code topic} up to its end now, as a consumer with {@code isolation} sees it: with
     * {@code read_committed}, the end is the last stable offset and aborted records are skipped.
     */
    static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic, String isolation,
                                                     Duration timeout) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read " + records.size() + " records of " + topic
                            + " but not up to " + end + " within " + timeout);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    /** The committed output of {@code topic}, decoded. */
    static List<KafkaEvent> readCommitted(String bootstrap, String topic) {
        return read(bootstrap, topic, "read_committed", Duration.ofSeconds(30)).stream().map(CODEC::decode).toList();
    }

    /** The latest totals per key and window, as a consumer of the output ends up with; ordered by key, then window. */
    static Map<String, WindowTotals> latestPerWindow(List<KafkaEvent> outputs) {
        Map<String, WindowTotals> latest = new TreeMap<>();
        for (KafkaEvent output : outputs) {
            String key = output.key().orElseThrow().toString();
            Instant start = Instant.parse(output.cloudEvent().getExtension(StreamOutput.WINDOW_START).toString());
            Totals totals = DataCodecs.json(Totals.class).decode(output.topic(), output.cloudEvent().getData().toBytes());
            latest.put(key + "@" + start, new WindowTotals(key, start, totals));
        }
        return latest;
    }

    /** What {@link #latestPerWindow} must end up as for {@code readings}: count and sum per key and minute. */
    static Map<String, WindowTotals> expectedPerWindow(List<Reading> readings) {
        Map<String, WindowTotals> expected = new TreeMap<>();
        for (Reading reading : readings) {
            Instant start = Instant.ofEpochMilli(reading.time().toEpochMilli() / 60_000 * 60_000);
            expected.merge(reading.key() + "@" + start,
                    new WindowTotals(reading.key(), start, Totals.NONE.add(reading.value())),
                    (sum, one) -> new WindowTotals(sum.key(), start, sum.totals().add(one.totals().sum())));
        }
        return expected;
    }
}
