package dev.tributary.ingest.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The catalogue of the MQTT adapter's meters: every name, description and tag is declared here and nowhere else
 * (docs/ingest-mqtt.md documents them). A Prometheus registry renders {@value #MESSAGES} as
 * {@code tributary_ingest_mqtt_messages_total}. Tags: {@value #TAG_MODE} ({@code direct} or {@code bridge}), the
 * mapping's topic filter as OpenTelemetry's {@value #TAG_FILTER}, and {@value #TAG_OUTCOME}.
 *
 * <p>The meters of a mapping are registered once when the adapter starts, every outcome up front, and used directly
 * for each message. Thread-safe.
 */
public final class MqttMetrics {

    public static final String MESSAGES = "tributary.ingest.mqtt.messages";
    public static final String PUBLISH_LATENCY = "tributary.ingest.mqtt.publish.latency";
    public static final String CLIENTS = "tributary.ingest.mqtt.clients";
    public static final String CONNECTIONS_REFUSED = "tributary.ingest.mqtt.connections.refused";

    /** Which adapter counted: {@code direct} or {@code bridge}. */
    public static final String TAG_MODE = "mode";
    /** The mapping's MQTT topic filter, such as {@code devices/+/telemetry}; {@value #UNMATCHED} for no mapping. */
    public static final String TAG_FILTER = "messaging.destination.template";
    /** What became of a message: an {@link Outcome} in lowercase. */
    public static final String TAG_OUTCOME = "outcome";
    /** Why a connection was refused: {@code bad_credentials}. */
    public static final String TAG_REASON = "reason";

    /** The filter tag of messages whose topic no mapping matches. */
    public static final String UNMATCHED = "unmatched";
    /** The reason tag of connections refused for a missing or wrong username or password. */
    public static final String BAD_CREDENTIALS = "bad_credentials";

    static final String MESSAGES_DESCRIPTION = "MQTT messages received, by mapping and outcome";
    static final String PUBLISH_LATENCY_DESCRIPTION =
            "From handing a message's event to the publisher until Kafka acknowledged it (or its invalid record), "
                    + "or it failed";
    static final String CLIENTS_DESCRIPTION =
            "Direct mode: devices connected now. Bridge mode: 1 while connected to the broker, else 0";
    static final String CONNECTIONS_REFUSED_DESCRIPTION = "Device connections refused, by reason";

    /** What became of a message. */
    public enum Outcome {
        /** Its event is on its Kafka topic, and the MQTT peer was (or will be) acknowledged. */
        PUBLISHED,
        /** Its payload was malformed for the mapping: it is on the invalid topic, and was acknowledged. */
        INVALID,
        /** Kafka has no record of it (no room, unreachable, refused): not acknowledged as a success. */
        REFUSED,
        /** The device may not publish to its topic (direct mode). */
        FORBIDDEN,
        /** No mapping matches its topic. */
        UNMATCHED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final String mode;

    private MqttMetrics(MeterRegistry registry, String mode) {
        this.registry = Objects.requireNonNull(registry, "registry is required: MqttMetrics.noop() when metrics are off");
        this.mode = mode;
    }

    /** The meters of the direct adapter, devices connecting to Tributary. */
    public static MqttMetrics direct(MeterRegistry registry) {
        return new MqttMetrics(registry, "direct");
    }

    /** The meters of the bridge, subscribed to another broker. */
    public static MqttMetrics bridge(MeterRegistry registry) {
        return new MqttMetrics(registry, "bridge");
    }

    /** Meters that record nothing: a composite registry with no registries in it hands out no-op meters. */
    public static MqttMetrics noop() {
        return new MqttMetrics(new CompositeMeterRegistry(), "noop");
    }

    /** Registers the meters of the mapping with {@code filter}; call once per mapping. */
    public MappingMeters mapping(String filter) {
        return new MappingMeters(Objects.requireNonNull(filter, "filter of the mapping"));
    }

    /** Registers the meters of messages that no mapping matches; call once. */
    public MappingMeters unmatched() {
        return new MappingMeters(UNMATCHED);
    }

    /** Registers the connected-clients gauge, read from {@code clients} when the registry is scraped. */
    public void clients(IntSupplier clients) {
        Gauge.builder(CLIENTS, clients::getAsInt).description(CLIENTS_DESCRIPTION).tag(TAG_MODE, mode)
                .strongReference(true).register(registry);
    }

    /** Registers the counter of connections refused for bad credentials. */
    public Counter refusedConnections() {
        return Counter.builder(CONNECTIONS_REFUSED).description(CONNECTIONS_REFUSED_DESCRIPTION).tag(TAG_MODE, mode)
                .tag(TAG_REASON, BAD_CREDENTIALS).register(registry);
    }

    /** The meters of one mapping. */
    public final class MappingMeters {

        private final Map<Outcome, Counter> messages = new EnumMap<>(Outcome.class);
        private final Timer publishLatency;

        private MappingMeters(String filter) {
            for (Outcome outcome : Outcome.values()) {
                messages.put(outcome, Counter.builder(MESSAGES).description(MESSAGES_DESCRIPTION).tag(TAG_MODE, mode)
                        .tag(TAG_FILTER, filter).tag(TAG_OUTCOME, outcome.tag()).register(registry));
            }
            // The histogram gives Prometheus buckets, so percentiles can be aggregated over every replica.
            this.publishLatency = Timer.builder(PUBLISH_LATENCY).description(PUBLISH_LATENCY_DESCRIPTION)
                    .tag(TAG_MODE, mode).tag(TAG_FILTER, filter).publishPercentileHistogram().register(registry);
        }

        /** Counts one message. */
        public void counted(Outcome outcome) {
            messages.get(outcome).increment();
        }

        /** Starts timing a publish, on the registry's clock. */
        public Timer.Sample startPublish() {
            return Timer.start(registry);
        }

        /** Records a publish's duration, whatever its outcome. */
        public void publishEnded(Timer.Sample sample) {
            sample.stop(publishLatency);
        }
    }
}
