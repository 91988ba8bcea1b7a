package dev.tributary.connectors.mqtt.internal;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserPropertiesBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import dev.tributary.connectors.internal.CloudEventJson;
import dev.tributary.connectors.mqtt.internal.TopicTemplate.InvalidTopicException;
import dev.tributary.sdk.Event;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Turns an event into the MQTT 5 message that carries it: on the topic the template yields, the event's data as the
 * payload, byte for byte, its {@code datacontenttype} as the content type, the selected attributes as user
 * properties named as the attributes (as the CloudEvents MQTT binding's binary mode does), with the configured QoS and
 * retain flag. Thread-safe.
 */
public final class DownlinkMessages {

    private final TopicTemplate topic;
    private final MqttQos qos;
    private final boolean retain;
    private final List<String> userProperties;
    private final MqttFailures failures;

    public DownlinkMessages(MqttSettings settings, MqttFailures failures) {
        this.topic = settings.topic();
        this.qos = MqttQos.fromCode(settings.qos());
        this.retain = settings.retain();
        this.userProperties = settings.userProperties();
        this.failures = failures;
    }

    /** @throws dev.tributary.sdk.NonRetryableException when the event cannot be published: its topic is invalid */
    public Mqtt5Publish of(Event<byte[]> event) {
        String target;
        try {
            target = topic.render(event);
        } catch (InvalidTopicException e) {
            throw failures.invalidTopic(event.id(), topic, e.getMessage());
        }
        try {
            Mqtt5PublishBuilder.Complete message = Mqtt5Publish.builder()
                    .topic(target)
                    .qos(qos)
                    .retain(retain)
                    .payload(event.rawData());
            event.dataContentType().ifPresent(message::contentType);
            if (!userProperties.isEmpty()) {
                message.userProperties(properties(event));
            }
            return message.build();
        } catch (IllegalArgumentException e) {
            // The client refuses what MQTT cannot carry, such as a topic or property with U+0000.
            throw failures.unpublishable(event.id(), e.getMessage());
        }
    }

    private Mqtt5UserProperties properties(Event<byte[]> event) {
        Mqtt5UserPropertiesBuilder properties = Mqtt5UserProperties.builder();
        for (String name : userProperties) {
            attribute(event, name).ifPresent(value -> properties.add(name, value));
        }
        return properties.build();
    }

    /** An attribute or extension of the event, as text; the ordering key stands in for a missing partitionkey. */
    static Optional<String> attribute(Event<byte[]> event, String name) {
        return switch (name) {
            case "specversion" -> Optional.of("1.0");
            case "id" -> Optional.of(event.id());
            case "source" -> Optional.of(event.source().toString());
            case "type" -> Optional.of(event.type());
            case "subject" -> event.subject();
            case "time" -> event.time().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format);
            case "datacontenttype" -> event.dataContentType();
            case "dataschema" -> event.dataSchema().map(Object::toString);
            case CloudEventJson.PARTITION_KEY -> Optional.ofNullable(event.extensions().get(name))
                    .or(event::keyAsString);
            default -> Optional.ofNullable(event.extensions().get(name));
        };
    }
}
