package dev.tributary.launcher.demo;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The demo's stand-in for the broker devices take their commands from: a minimal MQTT server on 127.0.0.1 that
 * accepts the {@code device-commands} sink, acknowledges what it publishes and remembers the alert ids (the {@code id}
 * user property the sink adds). It serves no subscriptions: no device listens in the demo.
 */
public final class CommandBroker implements AutoCloseable {

    private final Vertx vertx;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private MqttServer server;

    private CommandBroker(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Listens on a free port of 127.0.0.1. */
    public static CommandBroker start() throws Exception {
        CommandBroker broker = new CommandBroker(Vertx.vertx());
        try {
            broker.server = MqttServer.create(broker.vertx, new MqttServerOptions().setHost("127.0.0.1").setPort(0))
                    .endpointHandler(broker::accept)
                    .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    private void accept(MqttEndpoint endpoint) {
        endpoint.publishAutoAck(false);
        endpoint.publishHandler(message -> {
            ids.add(alertId(message));
            if (message.qosLevel() == MqttQoS.AT_LEAST_ONCE) {
                endpoint.publishAcknowledge(message.messageId());
            } else if (message.qosLevel() == MqttQoS.EXACTLY_ONCE) {
                endpoint.publishReceived(message.messageId());
            }
        });
        endpoint.publishReleaseHandler(endpoint::publishComplete);
        endpoint.exceptionHandler(error -> { });
        endpoint.accept(false);
    }

    /** The {@code id} user property, or the payload itself when the sink was configured without it. */
    private static String alertId(MqttPublishMessage message) {
        MqttProperties properties = message.properties();
        if (properties != null) {
            for (MqttProperties.MqttProperty<?> property
                    : properties.getProperties(MqttProperties.MqttPropertyType.USER_PROPERTY.value())) {
                if (property instanceof MqttProperties.UserProperty user && "id".equals(user.value().key)) {
                    return user.value().value;
                }
                if (property instanceof MqttProperties.UserProperties users) {
                    for (MqttProperties.StringPair pair : users.value()) {
                        if ("id".equals(pair.key)) {
                            return pair.value;
                        }
                    }
                }
            }
        }
        return message.payload().toString(StandardCharsets.UTF_8);
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return "mqtt://127.0.0.1:" + port();
    }

    /** The ids of the alerts published to the broker so far. */
    public Set<String> receivedIds() {
        return Set.copyOf(ids);
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Stopping: a server that does not close in time goes with the process.
        }
    }
}
