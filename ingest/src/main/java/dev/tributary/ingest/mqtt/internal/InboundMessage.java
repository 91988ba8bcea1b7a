package dev.tributary.ingest.mqtt.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An MQTT PUBLISH as the adapters see it, whichever side of the protocol received it.
 *
 * @param topic          the topic name it was published to
 * @param payload        its bytes, possibly none
 * @param qos            0, 1 or 2
 * @param userProperties its MQTT 5 user properties in order; none for MQTT 3.1.1
 * @param contentType    its MQTT 5 content type, if the publisher gave one
 */
public record InboundMessage(String topic, byte[] payload, int qos, List<UserProperty> userProperties,
                             Optional<String> contentType) {

    public InboundMessage {
        Objects.requireNonNull(topic, "topic of a message");
        Objects.requireNonNull(payload, "payload of a message on " + topic);
        userProperties = List.copyOf(Objects.requireNonNull(userProperties, "userProperties"));
        Objects.requireNonNull(contentType, "contentType");
    }

    /** A message without MQTT 5 properties. */
    public static InboundMessage of(String topic, byte[] payload, int qos) {
        return new InboundMessage(topic, payload, qos, List.of(), Optional.empty());
    }
}
