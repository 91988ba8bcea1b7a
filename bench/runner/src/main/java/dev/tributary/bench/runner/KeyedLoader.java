package dev.tributary.bench.runner;

import dev.tributary.bench.core.MicroClock;
import dev.tributary.bench.core.RecordLayout;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes the benchmark's records (see {@link RecordLayout}): keys drawn uniformly from {@code keys} with a fixed
 * seed, each key's records numbered 0, 1, 2, ... in the order they are sent. One idempotent producer sends them
 * all, so each key's records land in its partition in sequence order, which the ordering check relies on.
 * Kafka's ProducerPerformance cannot do this: it writes no keys.
 */
final class KeyedLoader implements AutoCloseable {

    private static final byte[] SPEC_VERSION = ascii("1.0");
    private static final byte[] SOURCE = ascii("/bench/loader");
    private static final byte[] TYPE = ascii("dev.tributary.bench.record");
    private static final byte[] CONTENT_TYPE = ascii("application/octet-stream");

    private final int keys;
    private final byte[][] keyBytes;
    private final byte[] value = new byte[RecordLayout.VALUE_BYTES];
    private final Producer<byte[], byte[]> backlogProducer;
    private final Producer<byte[], byte[]> liveProducer;
    private final MicroClock clock;

    KeyedLoader(String bootstrap, int keys, MicroClock clock) {
        this.keys = keys;
        this.keyBytes = new byte[keys][];
        for (int i = 0; i < keys; i++) {
            keyBytes[i] = RecordLayout.key(i);
        }
        new Random(7).nextBytes(value);
        this.clock = clock;
        // A backlog is loaded for throughput: large batches. A live run is produced for latency: no linger.
        this.backlogProducer = producer(bootstrap, 10, 256 * 1024);
        this.liveProducer = producer(bootstrap, 0, 64 * 1024);
    }

    /** What a load did. */
    record Load(long records, double seconds) {
        double recordsPerSec() {
            return records / seconds;
        }
    }

    /** Writes {@code records} records to {@code topic} as fast as the broker takes them. */
    Load backlog(String topic, long records) {
        return send(backlogProducer, topic, records, Double.POSITIVE_INFINITY);
    }

    /** Writes {@code records} records to {@code topic} at {@code rate} records per second. */
    Load live(String topic, long records, double rate) {
        return send(liveProducer, topic, records, rate);
    }

    private Load send(Producer<byte[], byte[]> producer, String topic, long records, double rate) {
        Random random = new Random(42);
        int[] nextSequence = new int[keys];
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong failures = new AtomicLong();
        Callback callback = (metadata, error) -> {
            if (error != null && failures.getAndIncrement() == 0) {
                failure.set(error);
            }
        };
        long start = System.nanoTime();
        double nanosPerRecord = 1e9 / rate;
        for (long i = 0; i < records; i++) {
            if (rate != Double.POSITIVE_INFINITY) {
                long wait = start + (long) (i * nanosPerRecord) - System.nanoTime();
                // Parking is only so precise: records due within 200 µs go out together.
                if (wait > 200_000) {
                    LockSupport.parkNanos(wait);
                }
            }
            int key = random.nextInt(keys);
            producer.send(record(topic, key, nextSequence[key]++), callback);
        }
        producer.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException(failures.get() + " records could not be written to " + topic + ": "
                    + failure.get().getMessage(), failure.get());
        }
        return new Load(records, seconds);
    }

    private ProducerRecord<byte[], byte[]> record(String topic, int key, int sequence) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", SPEC_VERSION);
        headers.add("ce_id", ascii(key + ":" + sequence));
        headers.add("ce_source", SOURCE);
        headers.add("ce_type", TYPE);
        headers.add("content-type", CONTENT_TYPE);
        headers.add(RecordLayout.SEQUENCE_HEADER, RecordLayout.decimal(sequence));
        // Last, so that the time is taken as close to the send as possible.
        headers.add(RecordLayout.PRODUCED_HEADER, RecordLayout.decimal(clock.nowMicros()));
        return new ProducerRecord<>(topic, null, keyBytes[key], value, headers);
    }

    @Override
    public void close() {
        backlogProducer.close();
        liveProducer.close();
    }

    private static Producer<byte[], byte[]> producer(String bootstrap, int lingerMs, int batchBytes) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG, batchBytes,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TimeUnit.MINUTES.toMillis(2)),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
