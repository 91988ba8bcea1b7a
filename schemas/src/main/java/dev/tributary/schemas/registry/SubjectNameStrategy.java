package dev.tributary.schemas.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Names the registry subject under which the schemas of a topic's keys or values are registered, and so
 * decides which schemas the compatibility level compares. The names and results match Confluent's
 * {@code TopicNameStrategy}, {@code RecordNameStrategy} and {@code TopicRecordNameStrategy}, so Tributary and
 * Confluent serializers agree on subjects.
 */
public enum SubjectNameStrategy {

    /**
     * {@code <topic>-key} or {@code <topic>-value}: one schema lineage per topic, so a topic holds one record
     * type whose evolution the registry checks. The default.
     */
    TOPIC_NAME("TopicNameStrategy") {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    },

    /**
     * The record's full name, such as {@code dev.tributary.schemas.DeviceTelemetry}: one lineage per record
     * type across all topics, so a topic may mix types. Needs a named schema (record, enum or fixed).
     */
    RECORD_NAME("RecordNameStrategy") {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return fullName(this, schema);
        }
    },

    /**
     * {@code <topic>-<full record name>}: one lineage per record type per topic, so a topic may mix types and
     * each type evolves on its own in each topic. Needs a named schema.
     */
    TOPIC_RECORD_NAME("TopicRecordNameStrategy") {
        @Override
        public String subject(String topic, boolean isKey, Schema schema) {
            return topic + "-" + fullName(this, schema);
        }
    };

    private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

    private final String configName;

    SubjectNameStrategy(String configName) {
        this.configName = configName;
    }

    /**
     * The subject for the key ({@code isKey}) or value schema {@code schema} of records of {@code topic}.
     *
     * @throws IllegalArgumentException when the strategy needs a named schema and {@code schema} is not one
     */
    public abstract String subject(String topic, boolean isKey, Schema schema);

    /** The name this strategy has in configuration, such as {@code TopicNameStrategy}. */
    public String configName() {
        return configName;
    }

    /**
     * The strategy called {@code name}: its {@link #configName()} ({@code TopicNameStrategy}), Confluent's
     * class name ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}) so existing configurations
     * keep working, or the constant's name ({@code TOPIC_NAME}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SubjectNameStrategy parse(String name) {
        String trimmed = name == null ? "" : name.trim();
        String simple = trimmed.startsWith(CONFLUENT_PACKAGE) ? trimmed.substring(CONFLUENT_PACKAGE.length()) : trimmed;
        for (SubjectNameStrategy strategy : values()) {
            if (strategy.configName.equals(simple) || strategy.name().equals(simple.toUpperCase(Locale.ROOT))) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not one of " + Arrays.stream(values())
                .map(SubjectNameStrategy::configName).collect(Collectors.joining(", ")));
    }

    private static String fullName(SubjectNameStrategy strategy, Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            default -> throw new IllegalArgumentException(strategy.configName + " needs a named schema (record, enum"
                    + " or fixed), not " + schema.getType().getName() + ": use " + TOPIC_NAME.configName
                    + " for this topic");
        };
    }
}
