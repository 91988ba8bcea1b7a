package dev.tributary.ingest.internal;

import java.util.regex.Pattern;

/** Kafka's rule for topic names, checked when settings are made rather than on the first publish. */
public final class KafkaTopicNames {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private KafkaTopicNames() {
    }

    public static boolean isLegal(String topic) {
        return topic != null && LEGAL.matcher(topic).matches() && !topic.equals(".") && !topic.equals("..");
    }

    /** The problem with {@code topic}, for a settings error. */
    public static String problem(String topic) {
        return "'" + topic + "' is not a Kafka topic name; use 1 to 249 letters, digits, '.', '_' and '-'";
    }
}
