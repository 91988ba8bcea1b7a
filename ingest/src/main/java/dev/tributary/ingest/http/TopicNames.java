package dev.tributary.ingest.http;

import dev.tributary.ingest.internal.KafkaTopicNames;

/** Kafka's rule for topic names, checked when settings are made rather than on the first publish. */
final class TopicNames {

    private TopicNames() {
    }

    static boolean isLegal(String topic) {
        return KafkaTopicNames.isLegal(topic);
    }

    static String require(String topic, String what) {
        if (!isLegal(topic)) {
            throw new IllegalArgumentException(what + ": " + KafkaTopicNames.problem(topic));
        }
        return topic;
    }
}
