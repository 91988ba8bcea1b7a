package dev.tributary.bench.raw;

import dev.tributary.bench.core.Contender;
import dev.tributary.bench.core.ContenderArgs;
import dev.tributary.bench.core.ContenderMain;
import dev.tributary.bench.core.RecordLayout;
import dev.tributary.bench.core.Workload;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The limit: one {@link KafkaConsumer} and one thread that polls, calls the function on each record in turn, in
 * partition order, and commits asynchronously after each batch. Nothing can consume faster on one consumer;
 * what it cannot do is run slow functions in parallel.
 */
public final class RawConsumerContender implements Contender {

    private RawConsumerContender() {
    }

    public static void main(String[] args) {
        ContenderMain.run(args, new RawConsumerContender());
    }

    @Override
    public AutoCloseable start(ContenderArgs args, Workload workload) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, args.group());
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        PollLoop loop = new PollLoop(consumer, args.topic(), workload);
        Thread.ofPlatform().name("raw-poll-loop").start(loop);
        return loop;
    }

    private static final class PollLoop implements Runnable, AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final String topic;
        private final Workload workload;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CountDownLatch stopped = new CountDownLatch(1);

        PollLoop(KafkaConsumer<byte[], byte[]> consumer, String topic, Workload workload) {
            this.consumer = consumer;
            this.topic = topic;
            this.workload = workload;
        }

        @Override
        public void run() {
            try {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        workload.handle(RecordLayout.keyId(record.key()),
                                (int) RecordLayout.parseDecimal(record.headers().lastHeader(RecordLayout.SEQUENCE_HEADER).value()),
                                RecordLayout.parseDecimal(record.headers().lastHeader(RecordLayout.PRODUCED_HEADER).value()));
                    }
                    if (!records.isEmpty()) {
                        consumer.commitAsync();
                    }
                }
                consumer.commitSync();
            } catch (WakeupException e) {
                // close() woke the poll: stop.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                consumer.close();
                stopped.countDown();
            }
        }

        @Override
        public void close() {
            running.set(false);
            consumer.wakeup();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
