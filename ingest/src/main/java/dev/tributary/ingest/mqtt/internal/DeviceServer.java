package dev.tributary.ingest.mqtt.internal;

import dev.tributary.ingest.mqtt.MqttDirectSettings;
import dev.tributary.ingest.mqtt.MqttMetrics;
import io.micrometer.core.instrument.Counter;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.vertx.core.Vertx;
import io.vertx.core.net.KeyStoreOptions;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Vert.x MQTT server of the direct endpoint: checks each connecting device and hands it a {@link DeviceConnection}. */
public final class DeviceServer {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceServer.class);
    /** Client ids longer than MQTT's guaranteed 23 characters are common (serial numbers, UUIDs). */
    private static final int MAX_CLIENT_ID_LENGTH = 256;

    private final MqttDirectSettings settings;
    private final MessagePipeline pipeline;
    private final DeviceAuthenticator authenticator;
    private final ConnectedDevices devices = new ConnectedDevices();
    private final Counter refusedConnections;

    public DeviceServer(MqttDirectSettings settings, MessagePipeline pipeline, MqttMetrics metrics) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.authenticator = new DeviceAuthenticator(settings.auth(), settings.users());
        this.refusedConnections = metrics.refusedConnections();
        metrics.clients(devices::count);
    }

    /** A server for {@code vertx}, not listening yet. */
    public MqttServer create(Vertx vertx) {
        MqttServerOptions options = new MqttServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setMaxMessageSize(settings.maxMessageSize())
                .setMaxClientIdLength(MAX_CLIENT_ID_LENGTH);
        settings.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(new KeyStoreOptions()
                .setType(tls.keyStoreType()).setPath(tls.keyStore().toString()).setPassword(tls.keyStorePassword())));
        return MqttServer.create(vertx, options)
                .endpointHandler(this::connect)
                .exceptionHandler(error -> LOG.debug("MQTT server error: {}", error.toString()));
    }

    /** How many devices are connected now. */
    public int connectedDevices() {
        return devices.count();
    }

    /** Tells every connected device that the server stops, and closes its connection. */
    public void disconnectAll() {
        devices.all().forEach(DeviceConnection::serverStopping);
    }

    private void connect(MqttEndpoint endpoint) {
        MqttAuth auth = endpoint.auth();
        Optional<PublishPermissions> permissions = authenticator.authenticate(
                auth == null ? null : auth.getUsername(), auth == null ? null : auth.getPassword());
        boolean mqtt5 = endpoint.protocolVersion() >= MqttVersion.MQTT_5.protocolLevel();
        if (permissions.isEmpty()) {
            refusedConnections.increment();
            LOG.info("refused MQTT client {} from {}: unknown username or wrong password", endpoint.clientIdentifier(),
                    endpoint.remoteAddress());
            endpoint.reject(mqtt5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                    : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
            return;
        }
        DeviceConnection connection = new DeviceConnection(endpoint, Vertx.currentContext(), pipeline,
                permissions.get(), settings.receiveMaximum(), settings.maxMessageSize(), devices::remove);
        connection.accept();
        devices.add(connection);
    }
}
