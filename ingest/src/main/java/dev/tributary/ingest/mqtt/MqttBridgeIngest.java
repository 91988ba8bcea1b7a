package dev.tributary.ingest.mqtt;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.mqtt.internal.Backoff;
import dev.tributary.ingest.mqtt.internal.BridgeClient;
import dev.tributary.ingest.mqtt.internal.MappingTable;
import dev.tributary.ingest.mqtt.internal.Mappings;
import dev.tributary.ingest.mqtt.internal.MessageEvents;
import dev.tributary.ingest.mqtt.internal.KeyOrder;
import dev.tributary.ingest.mqtt.internal.MessagePipeline;
import dev.tributary.ingest.mqtt.internal.RetryingSink;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.publish.Readiness;
import dev.tributary.schemas.avro.AvroSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The MQTT bridge: subscribes to an existing MQTT 5 broker with a shared subscription per mapping, so that replicas
 * of one group split the messages, and publishes each message as a CloudEvent to Kafka.
 *
 * <pre>{@code
 * MqttBridgeSettings settings = MqttBridgeSettings.builder()
 *         .url("mqtt://broker:1883").clientId(podName)
 *         .mapping(MqttMapping.of("devices/+/telemetry", "telemetry").withKey("{1}").withCodec(PayloadCodec.JSON))
 *         .build();
 * try (MqttBridgeIngest bridge = MqttBridgeIngest.start(settings, publisher, registry)) {
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Acknowledgements.</b> A QoS 1 or 2 message is acknowledged to the broker only once Kafka has its event (or,
 * for a payload its mapping finds malformed, the record on the invalid topic). While Kafka refuses, the bridge keeps
 * the message and tries again with backoff; the broker sends again only on a new connection. The session is
 * persistent under the replica's client id, so messages not acknowledged when a replica dies are delivered to it
 * again when it comes back with the same id. Kafka gets each message at least once; a consumer drops copies by the
 * event id when publishers set a {@code ce-id} user property.
 *
 * <p>The bridge does not own the publisher, which other adapters share: close the publisher after the bridge.
 */
public final class MqttBridgeIngest implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final BridgeClient client;
    private final ScheduledThreadPoolExecutor timer;
    private final Publisher publisher;
    /** Cleared once at close: retries and reconnects stop. */
    private final AtomicBoolean running;

    private MqttBridgeIngest(BridgeClient client, ScheduledThreadPoolExecutor timer, Publisher publisher,
                             AtomicBoolean running) {
        this.client = client;
        this.timer = timer;
        this.publisher = publisher;
        this.running = running;
    }

    /**
     * Starts the bridge with the system clock and no schema registry; see
     * {@link #start(MqttBridgeSettings, Publisher, MeterRegistry, Clock, Optional)}.
     */
    public static MqttBridgeIngest start(MqttBridgeSettings settings, Publisher publisher, MeterRegistry registry) {
        return start(settings, publisher, registry, Clock.systemUTC(), Optional.empty());
    }

    /**
     * Connects to the broker and returns once it granted the subscriptions.
     *
     * @param registry            where the meters go (see {@link MqttMetrics})
     * @param clock               the {@code time} of the events
     * @param telemetrySerializer the Avro serializer, on the schema registry, for {@code telemetry-avro} mappings;
     *                            the caller keeps it and closes it after the bridge
     * @throws SettingsException when a mapping needs a schema registry and none is given
     * @throws IllegalStateException when the broker cannot be reached or refuses the subscriptions within 30 s, or
     *                               the schema registry refuses the telemetry schema
     */
    public static MqttBridgeIngest start(MqttBridgeSettings settings, Publisher publisher, MeterRegistry registry,
                                         Clock clock, Optional<AvroSerializer<Object>> telemetrySerializer) {
        Objects.requireNonNull(settings, "settings of the MQTT bridge");
        Objects.requireNonNull(publisher, "publisher of the MQTT bridge");
        Objects.requireNonNull(registry, "registry of the MQTT meters");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(telemetrySerializer, "telemetrySerializer (Optional.empty() without a schema registry)");
        MqttMetrics metrics = MqttMetrics.bridge(registry);
        MappingTable mappings = Mappings.compile(settings.mappings(), telemetrySerializer, metrics);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("mqtt-bridge-" + settings.clientId() + "-retry").factory());
        timer.setRemoveOnCancelPolicy(true);
        AtomicBoolean running = new AtomicBoolean(true);
        RetryingSink sink = new RetryingSink(publisher, timer,
                new Backoff(settings.retryBackoff(), settings.maxRetryBackoff()), running::get);
        MessagePipeline pipeline = new MessagePipeline(mappings, sink, KeyOrder.ONE_IN_FLIGHT_PER_KEY,
                new MessageEvents(clock), metrics.unmatched());
        BridgeClient client = new BridgeClient(settings, pipeline, timer, running);
        metrics.clients(() -> client.isConnected() ? 1 : 0);
        try {
            client.start(START_TIMEOUT);
        } catch (RuntimeException e) {
            timer.shutdownNow();
            throw e;
        }
        return new MqttBridgeIngest(client, timer, publisher, running);
    }

    /** Whether the bridge is connected to the broker now. */
    public boolean isConnected() {
        return client.isConnected();
    }

    /** Ready while connected to the broker and the publisher can reach Kafka. */
    public Readiness readiness() {
        if (!client.isConnected()) {
            return new Readiness(false, "not connected to the MQTT broker");
        }
        return publisher.readiness();
    }

    /**
     * Stops retrying, disconnects from the broker, and stops the retry timer. Messages not acknowledged stay in the
     * session on the broker and are delivered again when a bridge with the same client id connects. The publisher
     * stays open: it belongs to the caller.
     */
    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        client.close(DISCONNECT_TIMEOUT);
        timer.shutdownNow();
    }
}
