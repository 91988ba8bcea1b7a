package dev.tributary.bench.springkafka;

import dev.tributary.bench.core.Contender;
import dev.tributary.bench.core.ContenderArgs;
import dev.tributary.bench.core.ContenderMain;
import dev.tributary.bench.core.RecordLayout;
import dev.tributary.bench.core.Workload;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.MessageListener;

/**
 * Spring Kafka as most applications use it: a {@link ConcurrentMessageListenerContainer} with one consumer
 * thread per partition (concurrency 12), a record listener that runs the function on the consumer's thread, and
 * ack mode {@link AckMode#BATCH} (the default: offsets are committed after each poll's records are done).
 * Records of a partition run one at a time, in order, so key order holds.
 */
public final class SpringKafkaContender implements Contender {

    /** One consumer per partition of the benchmark topics. */
    private static final int CONCURRENCY = 12;

    private SpringKafkaContender() {
    }

    public static void main(String[] args) {
        ContenderMain.run(args, new SpringKafkaContender());
    }

    @Override
    public AutoCloseable start(ContenderArgs args, Workload workload) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap());
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        DefaultKafkaConsumerFactory<byte[], byte[]> consumers =
                new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());

        ContainerProperties properties = new ContainerProperties(args.topic());
        properties.setGroupId(args.group());
        properties.setAckMode(AckMode.BATCH);
        properties.setMessageListener((MessageListener<byte[], byte[]>) record -> workload.handleUnchecked(
                RecordLayout.keyId(record.key()),
                (int) RecordLayout.parseDecimal(record.headers().lastHeader(RecordLayout.SEQUENCE_HEADER).value()),
                RecordLayout.parseDecimal(record.headers().lastHeader(RecordLayout.PRODUCED_HEADER).value())));

        ConcurrentMessageListenerContainer<byte[], byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setConcurrency(CONCURRENCY);
        container.setBeanName("bench");
        container.start();
        return container::stop;
    }
}
