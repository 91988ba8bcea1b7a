package dev.tributary.ingest.http;

import java.util.regex.Pattern;

/** Kafka's rule for topic names, checked when settings are made rather than on the first publish. */
final class TopicNames {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private TopicNames() {
    }

    static boolean isLegal(String topic) {
        return topic != null && LEGAL.matcher(topic).matches() && !topic.equals(".") && !topic.equals("..");
    }

    static String require(String topic, String what) {
        if (!isLegal(topic)) {
            throw new IllegalArgumentException(what + ": '" + topic + "' is not a Kafka topic name; use 1 to 249 "
                    + "letters, digits, '.', '_' and '-'");
        }
        return topic;
    }
}
