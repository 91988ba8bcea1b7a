package dev.tributary.ingest.mqtt;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.mqtt.internal.DeviceServer;
import dev.tributary.ingest.mqtt.internal.KeyStores;
import dev.tributary.ingest.mqtt.internal.MappingTable;
import dev.tributary.ingest.mqtt.internal.Mappings;
import dev.tributary.ingest.mqtt.internal.MessageEvents;
import dev.tributary.ingest.mqtt.internal.KeyOrder;
import dev.tributary.ingest.mqtt.internal.MessagePipeline;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.publish.Readiness;
import dev.tributary.schemas.avro.AvroSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.mqtt.MqttServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The direct MQTT endpoint: devices connect to Tributary itself (MQTT 3.1.1 or 5, optionally over TLS) and publish;
 * each message becomes a CloudEvent on the Kafka topic of the first mapping whose filter matches its topic.
 *
 * <pre>{@code
 * MqttDirectSettings settings = MqttDirectSettings.builder()
 *         .mapping(MqttMapping.of("devices/+/telemetry", "telemetry").withKey("{1}").withCodec(PayloadCodec.JSON))
 *         .build();
 * try (MqttDirectIngest mqtt = MqttDirectIngest.start(settings, publisher, registry)) {
 *     System.out.println("MQTT on port " + mqtt.port());
 * }
 * }</pre>
 *
 * <p><b>Acknowledgements.</b> A QoS 1 message gets its PUBACK (QoS 2: PUBREC) only once Kafka has acknowledged its
 * event, or, for a payload its mapping finds malformed, the record on the invalid topic. When Kafka has no record of
 * it, an MQTT 5 device gets a failure reason code and an MQTT 3.1.1 device is disconnected without an
 * acknowledgement, so that it sends the message again. QoS 0 messages are published on a best effort basis.
 * Answers keep the order the messages came in.
 *
 * <p>The adapter runs its own Vert.x instance; it does not own the publisher, which other adapters share: close the
 * publisher after every adapter that uses it.
 */
public final class MqttDirectIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDirectIngest.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final MqttServer server;
    private final DeviceServer devices;
    private final Publisher publisher;
    private final String host;

    private MqttDirectIngest(Vertx vertx, MqttServer server, DeviceServer devices, Publisher publisher, String host) {
        this.vertx = vertx;
        this.server = server;
        this.devices = devices;
        this.publisher = publisher;
        this.host = host;
    }

    /**
     * Starts the endpoint with the system clock and no schema registry; see
     * {@link #start(MqttDirectSettings, Publisher, MeterRegistry, Clock, Optional)}.
     */
    public static MqttDirectIngest start(MqttDirectSettings settings, Publisher publisher, MeterRegistry registry) {
        return start(settings, publisher, registry, Clock.systemUTC(), Optional.empty());
    }

    /**
     * Binds the server and returns once it accepts connections.
     *
     * @param registry            where the meters go (see {@link MqttMetrics})
     * @param clock               the {@code time} of the events
     * @param telemetrySerializer the Avro serializer, on the schema registry, for {@code telemetry-avro} mappings;
     *                            the caller keeps it and closes it after the adapter
     * @throws SettingsException when a mapping needs a schema registry and none is given, or the TLS keystore
     *                               cannot be read
     * @throws IllegalStateException when the address cannot be bound, or the schema registry refuses the telemetry
     *                               schema
     */
    public static MqttDirectIngest start(MqttDirectSettings settings, Publisher publisher, MeterRegistry registry,
                                         Clock clock, Optional<AvroSerializer<Object>> telemetrySerializer) {
        Objects.requireNonNull(settings, "settings of the MQTT direct endpoint");
        Objects.requireNonNull(publisher, "publisher of the MQTT direct endpoint");
        Objects.requireNonNull(registry, "registry of the MQTT meters");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(telemetrySerializer, "telemetrySerializer (Optional.empty() without a schema registry)");
        settings.tls().ifPresent(KeyStores::requireUsable);
        MqttMetrics metrics = MqttMetrics.direct(registry);
        MappingTable mappings = Mappings.compile(settings.mappings(), telemetrySerializer, metrics);
        if (settings.auth() == MqttAuthMode.NONE && !isLoopback(settings.host())) {
            LOG.warn("MQTT endpoint on {}:{} accepts devices without a password (auth: none): anyone who reaches the "
                    + "port can publish to every mapped topic", settings.host(), settings.port());
        }
        MessagePipeline pipeline = new MessagePipeline(mappings, publisher::publish, KeyOrder.CALL_ORDER, new MessageEvents(clock),
                metrics.unmatched());
        DeviceServer devices = new DeviceServer(settings, pipeline, metrics);
        // One event loop: a server bound outside a verticle serves all its connections on one, and the work per
        // message is small next to Kafka's round trip.
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false)
                        .setFileCachingEnabled(false)));
        MqttServer server = devices.create(vertx);
        try {
            server.listen().toCompletionStage().toCompletableFuture()
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            vertx.close();
            throw new IllegalStateException("the MQTT endpoint cannot listen on " + settings.host() + ":"
                    + settings.port() + ": " + e.getCause().getMessage() + "; choose a free port, or 0 for any",
                    e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            vertx.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the MQTT endpoint did not start listening on " + settings.host() + ":"
                    + settings.port() + " within " + START_TIMEOUT.toSeconds() + " s", e);
        }
        LOG.info("MQTT endpoint listening on {}:{}{}", settings.host(), server.actualPort(),
                settings.tls().isPresent() ? " (TLS)" : "");
        return new MqttDirectIngest(vertx, server, devices, publisher, settings.host());
    }

    /** The port the server is bound to: the configured one, or the one chosen for port 0. */
    public int port() {
        return server.actualPort();
    }

    public String host() {
        return host;
    }

    /** How many devices are connected now. */
    public int connectedDevices() {
        return devices.connectedDevices();
    }

    /** Ready while the publisher can reach Kafka. */
    public Readiness readiness() {
        return publisher.readiness();
    }

    /**
     * Disconnects every device (MQTT 5 devices hear "server shutting down") and stops the server. Messages not yet
     * acknowledged are not: devices send them again to another replica or after a restart. The publisher stays
     * open: it belongs to the caller.
     */
    @Override
    public void close() {
        devices.disconnectAll();
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the MQTT endpoint did not close cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("stopping the MQTT endpoint's event loop failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
