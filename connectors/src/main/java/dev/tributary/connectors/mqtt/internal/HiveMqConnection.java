package dev.tributary.connectors.mqtt.internal;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's MQTT 5 connection (HiveMQ client): a clean session that expires with the connection, since the sink
 * subscribes to nothing. A lost connection fails the publishes waiting for their acknowledgement, which the
 * dispatcher retries, and is reconnected with backoff; while it is down, publishes fail at once rather than queue.
 * Thread-safe.
 */
public final class HiveMqConnection implements MqttConnection {

    private static final Logger log = LoggerFactory.getLogger(HiveMqConnection.class);
    private static final Duration FIRST_RECONNECT = Duration.ofMillis(100);
    private static final Duration LAST_RECONNECT = Duration.ofSeconds(10);
    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final MqttSettings settings;
    private final MqttFailures failures;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Mqtt5AsyncClient client;

    private HiveMqConnection(MqttSettings settings) {
        this.settings = settings;
        this.failures = new MqttFailures(settings);
        this.client = build();
    }

    /**
     * Connects and returns once the broker accepted the connection.
     *
     * @throws IllegalStateException when that does not happen within {@code connectTimeout}
     */
    public static HiveMqConnection open(MqttSettings settings) {
        HiveMqConnection connection = new HiveMqConnection(settings);
        connection.connect();
        return connection;
    }

    @Override
    public CompletableFuture<Void> publish(Mqtt5Publish message) {
        String topic = message.getTopic().toString();
        if (!client.getState().isConnected()) {
            // Queued by the client, it would wait for a reconnect of unknown length; failed, the dispatcher retries it
            // with backoff and keeps the offset uncommitted.
            return CompletableFuture.failedFuture(failures.notConnected(topic));
        }
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        client.publish(message).whenComplete((result, error) -> {
            if (error == null) {
                acknowledged.complete(null);
            } else {
                acknowledged.completeExceptionally(failures.forPublish(error, topic));
            }
        });
        CompletableFuture<Void> done = new CompletableFuture<>();
        acknowledged.orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, error) -> {
            if (error == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(error instanceof TimeoutException ? failures.timedOut(topic) : error);
            }
        });
        return done;
    }

    /** Disconnects normally and stops reconnecting; publishes still waiting fail. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            client.disconnect().get(DISCONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException notConnected) {
            // Reconnecting: the disconnect stopped that too.
        } catch (TimeoutException e) {
            log.warn("{}: the broker did not take the disconnect within {} s", failures.site(),
                    DISCONNECT_TIMEOUT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void connect() {
        try {
            client.connect().get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            log.info("{} connected as {}", failures.site(), settings.clientId());
        } catch (ExecutionException | TimeoutException e) {
            close();
            String reason = e instanceof TimeoutException ? "no connection within " + settings.connectTimeout()
                    .toMillis() + " ms" : MqttFailures.describe(e.getCause());
            throw new IllegalStateException("functions[" + settings.functionName() + "]: could not connect to the MQTT"
                    + " broker at " + settings.url() + " as " + settings.clientId() + ": " + reason + "; check url,"
                    + " username and password, that the broker is up and that it speaks MQTT 5", e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("functions[" + settings.functionName() + "]: interrupted while connecting"
                    + " to " + settings.url(), e);
        }
    }

    private Mqtt5AsyncClient build() {
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(settings.clientId())
                .serverHost(settings.url().host())
                .serverPort(settings.url().port())
                .addConnectedListener(context -> log.debug("{} connected", failures.site()))
                .addDisconnectedListener(this::disconnected);
        if (settings.url().tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        if (settings.username().isPresent()) {
            builder = builder.simpleAuth()
                    .username(settings.username().get())
                    .password(settings.password().orElse("").getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        return builder.buildAsync();
    }

    /** Reconnects with exponential backoff until closed. */
    private void disconnected(MqttClientDisconnectedContext context) {
        if (closed.get() || context.getSource() == MqttDisconnectSource.USER) {
            return;
        }
        int attempts = context.getReconnector().getAttempts();
        long delay = Math.min(LAST_RECONNECT.toMillis(), FIRST_RECONNECT.toMillis() << Math.min(attempts, 16));
        if (attempts == 0) {
            log.warn("{} is not connected ({}); reconnecting", failures.site(),
                    MqttFailures.describe(context.getCause()));
        }
        context.getReconnector().reconnect(true).delay(delay, TimeUnit.MILLISECONDS);
    }
}
