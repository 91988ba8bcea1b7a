package dev.tributary.connectors.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tributary.testkit.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A device subscribed to the broker, as one in the field would be, keeping what it receives in order. */
final class Device implements AutoCloseable {

    /** A message as the device received it. */
    record Received(String topic, String payload, Optional<String> contentType, Map<String, String> userProperties,
                    boolean retained, MqttQos qos) {
    }

    private final Mqtt5AsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private Device(Mqtt5AsyncClient client) {
        this.client = client;
    }

    /** Connects to the broker directly and subscribes to {@code filter} with QoS 2. */
    static Device subscribedTo(MosquittoBroker broker, String filter) throws Exception {
        Device device = new Device(MqttClient.builder().useMqttVersion5()
                .identifier("device-" + UUID.randomUUID())
                .serverHost(broker.host())
                .serverPort(broker.port())
                .buildAsync());
        device.client.connect().get(10, TimeUnit.SECONDS);
        device.client.subscribeWith().topicFilter(filter).qos(MqttQos.EXACTLY_ONCE)
                .callback(device::receive)
                .send().get(10, TimeUnit.SECONDS);
        return device;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void receive(Mqtt5Publish publish) {
        Map<String, String> properties = new LinkedHashMap<>();
        publish.getUserProperties().asList().forEach(p -> properties.put(p.getName().toString(),
                p.getValue().toString()));
        received.add(new Received(publish.getTopic().toString(),
                new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8),
                publish.getContentType().map(Object::toString), Map.copyOf(properties), publish.isRetain(),
                publish.getQos()));
    }

    @Override
    public void close() throws Exception {
        client.disconnect().get(10, TimeUnit.SECONDS);
    }
}
