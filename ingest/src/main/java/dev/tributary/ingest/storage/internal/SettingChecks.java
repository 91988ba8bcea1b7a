package dev.tributary.ingest.storage.internal;

import dev.tributary.ingest.storage.StorageSettingsException;
import java.time.Duration;
import java.util.regex.Pattern;

/** The checks of single storage settings, each failing with the setting's path and what is allowed. */
public final class SettingChecks {

    /** A source name goes into the events' source URI and into checkpoint keys: keep it plain. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private SettingChecks() {
    }

    /** {@code value}, or a failure saying the setting is required and what it takes. */
    public static <T> T required(String path, T value, String whatItTakes) {
        if (value == null) {
            throw new StorageSettingsException(path, "is required: " + whatItTakes);
        }
        return value;
    }

    public static void name(String path, String name) {
        required(path, name, "a name unique among the storage sources");
        if (!NAME.matcher(name).matches()) {
            throw new StorageSettingsException(path, "'" + name + "' is not a valid source name: use letters, "
                    + "digits, '.', '_' and '-', starting with a letter or digit, at most 200 characters (the name "
                    + "becomes part of each event's source, /tributary/storage/<name>)");
        }
    }

    public static void topic(String path, String topic) {
        required(path, topic, "a Kafka topic name");
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new StorageSettingsException(path, "'" + topic + "' is not a valid Kafka topic name: use letters, "
                    + "digits, '.', '_' and '-', at most 249 characters, other than '.' and '..'");
        }
    }

    public static void notBlank(String path, String value, String whatItTakes) {
        required(path, value, whatItTakes);
        if (value.isBlank()) {
            throw new StorageSettingsException(path, "is blank: give " + whatItTakes);
        }
    }

    /** A duration of at least {@code minimum}. */
    public static void atLeast(String path, Duration value, Duration minimum, String advice) {
        required(path, value, "a duration of at least " + minimum.toMillis() + " ms");
        if (value.compareTo(minimum) < 0) {
            throw new StorageSettingsException(path, value + " is too short: " + advice);
        }
    }
}
