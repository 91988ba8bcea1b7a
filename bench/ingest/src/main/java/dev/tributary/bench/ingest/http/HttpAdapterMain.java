package dev.tributary.bench.ingest.http;

import dev.tributary.bench.ingest.child.ChildArgs;
import dev.tributary.bench.ingest.child.ChildLifecycle;
import dev.tributary.bench.ingest.child.Publishers;
import dev.tributary.ingest.http.AuthMode;
import dev.tributary.ingest.http.HttpIngest;
import dev.tributary.ingest.http.HttpIngestSettings;
import dev.tributary.ingest.publish.KafkaPublisher;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/**
 * The HTTP adapter JVM: {@code HttpIngest} on a {@code KafkaPublisher} with the product defaults, every event of
 * {@code POST /events} routed to one topic, no API key. Says {@code READY port=<port>} and serves until its standard
 * input closes.
 *
 * <p>Arguments: {@code --bootstrap <servers> --topic <topic>}, optionally {@code --linger-ms <ms>} (see
 * {@link Publishers}).
 */
public final class HttpAdapterMain {

    private HttpAdapterMain() {
    }

    public static void main(String[] argv) throws Exception {
        ChildArgs args = ChildArgs.parse(argv);
        // The launcher's registry: the adapter's meters cost what they cost in production.
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpIngestSettings settings = HttpIngestSettings.builder()
                .port(0)
                .auth(AuthMode.NONE)
                .defaultTopic(args.text("topic"))
                .build();
        try (KafkaPublisher publisher = Publishers.start(args, "bench-http-ingest", registry);
             HttpIngest http = HttpIngest.start(settings, publisher, registry, Clock.systemUTC())) {
            ChildLifecycle.say(ChildLifecycle.READY + " port=" + http.port());
            ChildLifecycle.awaitEndOfInput();
        }
        System.exit(0);
    }
}
