package dev.tributary.ingest.mqtt.internal;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import dev.tributary.ingest.mqtt.MqttBridgeSettings;
import dev.tributary.ingest.mqtt.MqttMapping;
import dev.tributary.ingest.publish.PublishException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's MQTT 5 session with the broker (HiveMQ client): a persistent session (clean start off, session expiry
 * from the settings) under the replica's stable client id, a shared subscription per mapping, and manual
 * acknowledgement: a message is acknowledged to the broker only once Kafka has a record of it.
 *
 * <pre>
 * delivered ─► pipeline ─► on Kafka ─► done ─► acknowledged once every message delivered before it is done
 *                 └─ refused ─► wait ─► pipeline again (while running and still connected)
 * </pre>
 *
 * The session outlives this process: messages it had not acknowledged when it died, and those queued for it since,
 * are delivered to the next connection with the same client id. A callback for every publish is registered before
 * connecting, so those redeliveries are handled although this process did not subscribe to them. Reconnects use the
 * retry backoff and stop when the bridge is closed.
 */
public final class BridgeClient {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeClient.class);

    private final MqttBridgeSettings settings;
    private final BrokerAddress address;
    private final MessagePipeline pipeline;
    private final ScheduledExecutorService timer;
    private final Backoff backoff;
    private final AtomicBoolean running;
    private final AtomicBoolean connected = new AtomicBoolean();
    private final CompletableFuture<Void> firstSubscription = new CompletableFuture<>();
    private final AcknowledgementOrder order = new AcknowledgementOrder();
    private final Mqtt5AsyncClient client;

    /**
     * @param running cleared when the bridge stops: retries and reconnects end then
     */
    public BridgeClient(MqttBridgeSettings settings, MessagePipeline pipeline, ScheduledExecutorService timer,
                        AtomicBoolean running) {
        this.settings = settings;
        this.running = running;
        this.address = BrokerAddress.parse(settings.url());
        this.pipeline = pipeline;
        this.timer = timer;
        this.backoff = new Backoff(settings.retryBackoff(), settings.maxRetryBackoff());
        this.client = build();
        // Before connecting: a resumed session delivers right after CONNACK, also for subscriptions made by an
        // earlier process, which no subscribe callback of this one would see.
        client.publishes(MqttGlobalPublishFilter.ALL, this::delivered, true);
    }

    /**
     * Connects and subscribes, and returns once the broker granted every subscription.
     *
     * @throws IllegalStateException when that does not happen within {@code timeout}; the client is stopped then
     */
    public void start(Duration timeout) {
        client.connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(settings.sessionExpiry().toSeconds())
                // No receive maximum of our own (MQTT's 65535 applies): the HiveMQ client counts a manually
                // acknowledged message against it a while after its PUBACK went out, so a small limit makes it drop
                // the connection under load. The broker's in-flight window paces the bridge instead.
                .send()
                .whenComplete((connAck, error) -> {
                    if (error != null) {
                        LOG.warn("connecting to MQTT broker {} as {} failed: {}; trying again", address,
                                settings.clientId(), error.toString());
                    }
                });
        try {
            firstSubscription.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            close(Duration.ofSeconds(5));
            throw new IllegalStateException("the MQTT bridge could not subscribe at " + address + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            close(Duration.ofSeconds(5));
            throw new IllegalStateException("the MQTT bridge could not connect to " + address + " as "
                    + settings.clientId() + " within " + timeout.toSeconds() + " s; check the url, the credentials, "
                    + "and that the broker speaks MQTT 5", e);
        } catch (InterruptedException e) {
            close(Duration.ofSeconds(5));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting the MQTT bridge", e);
        }
        LOG.info("MQTT bridge connected to {} as {}, sharing {} in group {}", address, settings.clientId(),
                settings.mappings().stream().map(MqttMapping::filter).toList(), settings.group());
    }

    public boolean isConnected() {
        return connected.get();
    }

    /**
     * Stops retrying and reconnecting, and disconnects normally. The session stays on the broker for the session
     * expiry, with every message not acknowledged yet.
     */
    public void close(Duration timeout) {
        running.set(false);
        try {
            client.disconnect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Not connected: the disconnect also ended any reconnect that was waiting.
            LOG.debug("MQTT bridge {} was not connected at close: {}", settings.clientId(), e.getCause().toString());
        } catch (TimeoutException e) {
            LOG.warn("the MQTT bridge did not disconnect from {} within {} s", address, timeout.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connected.set(false);
    }

    private Mqtt5AsyncClient build() {
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(settings.clientId())
                .serverHost(address.host())
                .serverPort(address.port())
                .addConnectedListener(context -> connected())
                .addDisconnectedListener(this::disconnected);
        if (address.tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        if (settings.credentials().isPresent()) {
            builder = builder.simpleAuth()
                    .username(settings.credentials().get().username())
                    .password(settings.credentials().get().password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        return builder.buildAsync();
    }

    private void connected() {
        connected.set(true);
        // Subscribing on every connection covers a session that expired while the bridge was away; for a resumed
        // session it replaces the subscriptions with equal ones.
        client.subscribe(subscribe()).whenComplete((subAck, error) -> {
            String problem = error != null ? error.toString() : refusals(subAck);
            if (problem == null) {
                firstSubscription.complete(null);
            } else {
                LOG.error("the MQTT broker {} refused the bridge's subscriptions: {}", address, problem);
                firstSubscription.completeExceptionally(new IllegalStateException(problem + "; check that the "
                        + "broker allows shared subscriptions and that " + settings.clientId() + " may subscribe"));
            }
        });
    }

    private void disconnected(MqttClientDisconnectedContext context) {
        connected.set(false);
        order.connectionLost();
        if (!running.get() || context.getSource() == MqttDisconnectSource.USER) {
            return;
        }
        Duration delay = backoff.delay(context.getReconnector().getAttempts() + 1);
        LOG.warn("MQTT bridge {} lost the connection to {} ({}); reconnecting in {} ms", settings.clientId(), address,
                context.getCause().toString(), delay.toMillis());
        context.getReconnector()
                .reconnect(true)
                .resubscribeIfSessionPresent(false)
                .resubscribeIfSessionExpired(false)
                .delay(delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Mqtt5Subscribe subscribe() {
        List<Mqtt5Subscription> subscriptions = new ArrayList<>();
        for (MqttMapping mapping : settings.mappings()) {
            subscriptions.add(Mqtt5Subscription.builder()
                    .topicFilter("$share/" + settings.group() + "/" + mapping.filter())
                    .qos(MqttQos.fromCode(settings.qos()))
                    .build());
        }
        return Mqtt5Subscribe.builder().addSubscriptions(subscriptions).build();
    }

    private static String refusals(Mqtt5SubAck subAck) {
        List<String> refused = subAck.getReasonCodes().stream().filter(code -> code.isError()).map(Enum::name).toList();
        return refused.isEmpty() ? null : "SUBACK " + refused + subAck.getReasonString().map(r -> " (" + r + ")").orElse("");
    }

    private void delivered(Mqtt5Publish publish) {
        deliver(order.delivered(publish::acknowledge), HiveMqMessages.inbound(publish), 1);
    }

    private void deliver(AcknowledgementOrder.Delivery delivery, InboundMessage message, int attempt) {
        pipeline.ingest(message, PublishPermissions.any()).whenComplete((verdict, error) -> {
            switch (verdict) {
                case Verdict.Published published -> order.done(delivery);
                case Verdict.Diverted diverted -> order.done(delivery);
                case Verdict.Unmatched unmatched -> {
                    // A subscription of an earlier configuration, still in the session: nothing maps it any more.
                    LOG.warn("no mapping for MQTT topic {} (a subscription left from an earlier configuration?); "
                            + "acknowledging it without publishing", message.topic());
                    order.done(delivery);
                }
                case Verdict.Refused refused -> retryLater(delivery, message, attempt, refused);
                case Verdict.Forbidden forbidden -> retryLater(delivery, message, attempt,
                        new Verdict.Refused(PublishException.Reason.REJECTED, "not permitted"));
                case null -> retryLater(delivery, message, attempt,
                        new Verdict.Refused(PublishException.Reason.UNAVAILABLE, String.valueOf(error)));
            }
        });
    }

    /**
     * Tries a message again after a pause: acknowledgements go out in order, so a message left unacknowledged would
     * hold back every later one. A refusal that cannot pass by itself (Kafka refused the message and its invalid
     * record) is logged as an error for an operator, and tried again all the same.
     */
    private void retryLater(AcknowledgementOrder.Delivery delivery, InboundMessage message, int attempt,
                            Verdict.Refused refused) {
        if (!running.get() || !order.isCurrent(delivery)) {
            // The broker sends it again on the next connection.
            return;
        }
        Duration delay = backoff.delay(attempt);
        if (refused.reason().retryable()) {
            LOG.debug("a message on MQTT topic {} was not published ({}); trying again in {} ms", message.topic(),
                    refused.message(), delay.toMillis());
        } else {
            LOG.error("a message on MQTT topic {} cannot be written to Kafka ({}); it holds back the bridge's "
                    + "acknowledgements until the cause is fixed; trying again in {} ms", message.topic(),
                    refused.message(), delay.toMillis());
        }
        try {
            timer.schedule(() -> deliver(delivery, message, attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("the bridge stopped; the broker sends the message on {} again", message.topic());
        }
    }
}
