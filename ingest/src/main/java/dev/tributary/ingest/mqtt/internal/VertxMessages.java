package dev.tributary.ingest.mqtt.internal;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads a Vert.x MQTT PUBLISH into an {@link InboundMessage}. */
final class VertxMessages {

    private VertxMessages() {
    }

    static InboundMessage inbound(MqttPublishMessage message) {
        MqttProperties properties = message.properties();
        List<UserProperty> userProperties = new ArrayList<>();
        Optional<String> contentType = Optional.empty();
        if (properties != null) {
            for (MqttProperties.MqttProperty<?> property : properties.getProperties(
                    MqttProperties.MqttPropertyType.USER_PROPERTY.value())) {
                addPairs(property.value(), userProperties);
            }
            MqttProperties.MqttProperty<?> type = properties.getProperty(MqttProperties.MqttPropertyType.CONTENT_TYPE.value());
            if (type != null && type.value() instanceof String text && !text.isBlank()) {
                contentType = Optional.of(text);
            }
        }
        return new InboundMessage(message.topicName(), message.payload().getBytes(), message.qosLevel().value(),
                userProperties, contentType);
    }

    /** Netty holds one pair per decoded property, or a list of them once properties were merged. */
    private static void addPairs(Object value, List<UserProperty> into) {
        if (value instanceof MqttProperties.StringPair pair) {
            into.add(new UserProperty(pair.key, pair.value));
        } else if (value instanceof Collection<?> pairs) {
            pairs.forEach(each -> addPairs(each, into));
        }
    }
}
