package dev.tributary.ingest.mqtt;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.internal.KafkaTopicNames;
import dev.tributary.ingest.mqtt.internal.KeyTemplate;
import dev.tributary.ingest.mqtt.internal.TopicFilter;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the messages of an MQTT topic filter go: a Kafka topic, keyed from the MQTT topic, with a codec that checks
 * the payload. Immutable; the constructor checks every field and fails with an {@link SettingsException} whose
 * path is relative to the mapping ({@code key}).
 *
 * <pre>{@code
 * MqttMapping.of("devices/+/telemetry", "telemetry").withKey("{1}").withCodec(PayloadCodec.JSON)
 * }</pre>
 *
 * @param filter       an MQTT topic filter; {@code +} matches one level, {@code #} the rest
 * @param topic        the Kafka topic of the events
 * @param key          the record key template: {@code {1}} is the level matched by the filter's first wildcard,
 *                     {@code {2}} by the second; literal text is kept ({@code fleet-{1}}, or a key without
 *                     placeholders). Empty for records without a key (no per-device order).
 * @param codec        how the payload is checked and encoded; {@link PayloadCodec#BYTES} by default
 * @param type         the CloudEvents {@code type} of the events; {@value #DEFAULT_TYPE} by default
 * @param invalidTopic where messages go that the codec finds malformed, with the reason; {@code <topic>.invalid}
 *                     by default
 */
public record MqttMapping(String filter, String topic, Optional<String> key, PayloadCodec codec, String type,
                          String invalidTopic) {

    public static final String DEFAULT_TYPE = "dev.tributary.mqtt.message";
    public static final String INVALID_SUFFIX = ".invalid";

    public MqttMapping {
        TopicFilter parsed;
        try {
            parsed = TopicFilter.parse(filter);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("filter", e.getMessage());
        }
        if (!KafkaTopicNames.isLegal(topic)) {
            throw new SettingsException("topic", KafkaTopicNames.problem(topic));
        }
        Objects.requireNonNull(key, "key (Optional.empty() for records without a key)");
        key.ifPresent(template -> {
            try {
                KeyTemplate.parse(template, parsed.wildcards());
            } catch (IllegalArgumentException e) {
                throw new SettingsException("key", e.getMessage());
            }
        });
        if (codec == null) {
            throw new SettingsException("codec", "is missing; use bytes, json or telemetry-avro");
        }
        if (type == null || type.isBlank()) {
            throw new SettingsException("type", "is empty; give a CloudEvents type such as " + DEFAULT_TYPE);
        }
        if (!KafkaTopicNames.isLegal(invalidTopic)) {
            throw new SettingsException("invalidTopic", KafkaTopicNames.problem(invalidTopic));
        }
        if (invalidTopic.equals(topic)) {
            throw new SettingsException("invalidTopic", "'" + invalidTopic + "' is the mapping's own topic; "
                    + "malformed messages need a topic of their own, such as " + topic + INVALID_SUFFIX);
        }
    }

    /** All messages matching {@code filter} to {@code topic}, unkeyed, as bytes, invalid ones to {@code <topic>.invalid}. */
    public static MqttMapping of(String filter, String topic) {
        return new MqttMapping(filter, topic, Optional.empty(), PayloadCodec.BYTES, DEFAULT_TYPE,
                topic == null ? null : topic + INVALID_SUFFIX);
    }

    /** The same mapping, keyed by {@code template}, such as {@code {1}}. */
    public MqttMapping withKey(String template) {
        return new MqttMapping(filter, topic, Optional.of(template), codec, type, invalidTopic);
    }

    /** The same mapping, without record keys. */
    public MqttMapping withoutKey() {
        return new MqttMapping(filter, topic, Optional.empty(), codec, type, invalidTopic);
    }

    public MqttMapping withCodec(PayloadCodec codec) {
        return new MqttMapping(filter, topic, key, codec, type, invalidTopic);
    }

    public MqttMapping withType(String type) {
        return new MqttMapping(filter, topic, key, codec, type, invalidTopic);
    }

    public MqttMapping withInvalidTopic(String invalidTopic) {
        return new MqttMapping(filter, topic, key, codec, type, invalidTopic);
    }
}
