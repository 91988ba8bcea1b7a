package dev.tributary.bench.parallelconsumer;

import dev.tributary.bench.core.Contender;
import dev.tributary.bench.core.ContenderArgs;
import dev.tributary.bench.core.ContenderMain;
import dev.tributary.bench.core.RecordLayout;
import dev.tributary.bench.core.Workload;
import io.confluent.parallelconsumer.ParallelConsumerOptions;
import io.confluent.parallelconsumer.ParallelConsumerOptions.CommitMode;
import io.confluent.parallelconsumer.ParallelConsumerOptions.ProcessingOrder;
import io.confluent.parallelconsumer.ParallelStreamProcessor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Confluent Parallel Consumer as its documentation sets it up: a {@link ParallelStreamProcessor} over a
 * {@link KafkaConsumer} with auto-commit off, {@link ProcessingOrder#KEY} or {@link ProcessingOrder#UNORDERED},
 * {@code maxConcurrency} = the cap, and its default commit mode (periodic asynchronous consumer commits). The
 * function runs on the processor's worker pool of {@code maxConcurrency} platform threads.
 */
public final class ParallelConsumerContender implements Contender {

    private ParallelConsumerContender() {
    }

    public static void main(String[] args) {
        ContenderMain.run(args, new ParallelConsumerContender());
    }

    @Override
    public AutoCloseable start(ContenderArgs args, Workload workload) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, args.group());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        ParallelConsumerOptions<byte[], byte[]> options = ParallelConsumerOptions.<byte[], byte[]>builder()
                .consumer(consumer)
                .ordering(ordering(args.ordering()))
                .maxConcurrency(args.cap())
                .commitMode(CommitMode.PERIODIC_CONSUMER_ASYNCHRONOUS)
                .build();
        ParallelStreamProcessor<byte[], byte[]> processor = ParallelStreamProcessor.createEosStreamProcessor(options);
        processor.subscribe(List.of(args.topic()));
        processor.poll(context -> {
            ConsumerRecord<byte[], byte[]> record = context.getSingleConsumerRecord();
            workload.handleUnchecked(RecordLayout.keyId(record.key()),
                    (int) RecordLayout.parseDecimal(record.headers().lastHeader(RecordLayout.SEQUENCE_HEADER).value()),
                    RecordLayout.parseDecimal(record.headers().lastHeader(RecordLayout.PRODUCED_HEADER).value()));
        });
        return () -> processor.closeDrainFirst(Duration.ofSeconds(10));
    }

    private static ProcessingOrder ordering(ContenderArgs.Ordering ordering) {
        return switch (ordering) {
            case KEY -> ProcessingOrder.KEY;
            case UNORDERED -> ProcessingOrder.UNORDERED;
        };
    }
}
