package dev.tributary.ingest.internal;

import dev.tributary.ingest.SettingsException;
import java.time.Duration;
import java.util.regex.Pattern;

/** The checks of single ingest settings, each failing with the setting's path and what is allowed. */
public final class SettingChecks {

    /** A name that goes into URIs and ids: letters, digits, '.', '_' and '-'. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private SettingChecks() {
    }

    /** {@code value}, or a failure saying the setting is required and what it takes. */
    public static <T> T required(String path, T value, String whatItTakes) {
        if (value == null) {
            throw new SettingsException(path, "is required: " + whatItTakes);
        }
        return value;
    }

    /**
     * A name that becomes part of events' sources and ids, so it stays plain.
     *
     * @param what    what is named, such as {@code schedule}
     * @param becomes where the name ends up, for the error, such as {@code each tick's source and id}
     */
    public static void plainName(String path, String name, String what, String becomes) {
        required(path, name, "a name unique among the " + what + "s");
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new SettingsException(path, "'" + name + "' is not a valid " + what + " name: use letters, digits, "
                    + "'.', '_' and '-', starting with a letter or digit, at most 200 characters (the name becomes "
                    + "part of " + becomes + ")");
        }
    }

    public static void topic(String path, String topic) {
        required(path, topic, "a Kafka topic name");
        if (!KafkaTopicNames.isLegal(topic)) {
            throw new SettingsException(path, KafkaTopicNames.problem(topic));
        }
    }

    public static void notBlank(String path, String value, String whatItTakes) {
        required(path, value, whatItTakes);
        if (value.isBlank()) {
            throw new SettingsException(path, "is blank: give " + whatItTakes);
        }
    }

    /** A duration of at least {@code minimum}. */
    public static void atLeast(String path, Duration value, Duration minimum, String advice) {
        required(path, value, "a duration of at least " + minimum.toMillis() + " ms");
        if (value.compareTo(minimum) < 0) {
            throw new SettingsException(path, value + " is too short: " + advice);
        }
    }
}
