package dev.tributary.ingest.cron.internal;

import dev.tributary.ingest.cron.CronSettingsException;
import java.util.regex.Pattern;

/** The checks of single cron settings, each failing with the setting's path and what is allowed. */
public final class SettingChecks {

    /** A schedule name goes into a URI path ({@code source}) and between colons ({@code id}): keep it plain. */
    private static final Pattern SCHEDULE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private SettingChecks() {
    }

    /** {@code value}, or a failure saying the setting is required and what it takes. */
    public static <T> T required(String path, T value, String whatItTakes) {
        if (value == null) {
            throw new CronSettingsException(path, "is required: " + whatItTakes);
        }
        return value;
    }

    public static void scheduleName(String path, String name) {
        required(path, name, "a name unique among the schedules");
        if (!SCHEDULE_NAME.matcher(name).matches()) {
            throw new CronSettingsException(path, "'" + name + "' is not a valid schedule name: use letters, digits, "
                    + "'.', '_' and '-', starting with a letter or digit, at most 200 characters "
                    + "(the name becomes part of each tick's source and id)");
        }
    }

    public static void topic(String path, String topic) {
        required(path, topic, "a Kafka topic name");
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new CronSettingsException(path, "'" + topic + "' is not a valid Kafka topic name: use letters, "
                    + "digits, '.', '_' and '-', at most 249 characters, other than '.' and '..'");
        }
    }

    public static void groupId(String path, String groupId) {
        required(path, groupId, "a consumer group id");
        if (groupId.isBlank()) {
            throw new CronSettingsException(path, "is blank: use a consumer group id such as tributary.cron");
        }
    }
}
