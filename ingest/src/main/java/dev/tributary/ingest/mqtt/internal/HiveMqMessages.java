package dev.tributary.ingest.mqtt.internal;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.util.List;

/** Reads a HiveMQ client PUBLISH into an {@link InboundMessage}. */
final class HiveMqMessages {

    private HiveMqMessages() {
    }

    static InboundMessage inbound(Mqtt5Publish publish) {
        List<UserProperty> userProperties = publish.getUserProperties().asList().stream()
                .map(property -> new UserProperty(property.getName().toString(), property.getValue().toString()))
                .toList();
        return new InboundMessage(publish.getTopic().toString(), publish.getPayloadAsBytes(), publish.getQos().getCode(),
                userProperties, publish.getContentType().map(Object::toString));
    }
}
