package dev.tributary.ingest.mqtt;

import dev.tributary.testkit.KafkaTestClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reading what the adapter wrote, for assertions. */
final class KafkaRecords {

    private KafkaRecords() {
    }

    static List<ConsumerRecord<String, String>> read(String bootstrap, String topic) {
        return KafkaTestClients.readTopic(bootstrap, topic, Duration.ofSeconds(30));
    }

    /** The value of a header as UTF-8 text, or null. */
    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Creates each topic with three partitions. */
    static void createTopics(String bootstrap, String... topics) {
        for (String topic : topics) {
            KafkaTestClients.createTopic(bootstrap, topic, 3, (short) 1, Map.of());
        }
    }
}
