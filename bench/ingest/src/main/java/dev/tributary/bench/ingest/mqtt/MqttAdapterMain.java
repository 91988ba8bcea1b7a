package dev.tributary.bench.ingest.mqtt;

import dev.tributary.bench.ingest.child.ChildArgs;
import dev.tributary.bench.ingest.child.ChildLifecycle;
import dev.tributary.bench.ingest.child.Publishers;
import dev.tributary.ingest.mqtt.MqttDirectIngest;
import dev.tributary.ingest.mqtt.MqttDirectSettings;
import dev.tributary.ingest.mqtt.MqttMapping;
import dev.tributary.ingest.mqtt.PayloadCodec;
import dev.tributary.ingest.publish.KafkaPublisher;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The MQTT adapter JVM: {@code MqttDirectIngest} on a {@code KafkaPublisher} with the product defaults and one
 * mapping, {@code devices/+/telemetry} to the topic, keyed by the device ({@code {1}}), codec bytes. Says
 * {@code READY port=<port>} and serves until its standard input closes.
 *
 * <p>Arguments: {@code --bootstrap <servers> --topic <topic>}, optionally {@code --linger-ms <ms>} (see
 * {@link Publishers}).
 */
public final class MqttAdapterMain {

    /** The filter the devices publish under: {@code devices/<device>/telemetry}. */
    static final String FILTER = "devices/+/telemetry";

    private MqttAdapterMain() {
    }

    public static void main(String[] argv) throws Exception {
        ChildArgs args = ChildArgs.parse(argv);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MqttMapping telemetry = MqttMapping.of(FILTER, args.text("topic")).withKey("{1}")
                .withCodec(PayloadCodec.BYTES);
        MqttDirectSettings settings = MqttDirectSettings.builder().port(0).mapping(telemetry).build();
        try (KafkaPublisher publisher = Publishers.start(args, "bench-mqtt-ingest", registry);
             MqttDirectIngest mqtt = MqttDirectIngest.start(settings, publisher, registry)) {
            ChildLifecycle.say(ChildLifecycle.READY + " port=" + mqtt.port());
            ChildLifecycle.awaitEndOfInput();
        }
        System.exit(0);
    }
}
