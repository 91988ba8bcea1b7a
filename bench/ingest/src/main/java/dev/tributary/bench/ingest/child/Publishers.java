package dev.tributary.bench.ingest.child;

import dev.tributary.ingest.publish.KafkaPublisher;
import dev.tributary.ingest.publish.PublisherSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * The adapters' publisher, as the launcher builds it: the product defaults ({@code acks=all}, idempotent, LZ4,
 * 5 ms linger, 64 KiB batches, 10,000 events in flight). The baseline's producer settings mirror these. An adapter
 * given {@code --linger-ms} uses that linger instead, to see what the linger costs a closed loop; the benchmark
 * itself never passes it.
 */
public final class Publishers {

    private Publishers() {
    }

    public static KafkaPublisher start(ChildArgs args, String clientId, MeterRegistry registry) {
        PublisherSettings defaults = PublisherSettings.forBootstrapServers(args.text("bootstrap"))
                .withClientId(clientId);
        PublisherSettings settings = args.optional("linger-ms")
                .map(ms -> defaults.withLinger(Duration.ofMillis(Long.parseLong(ms))))
                .orElse(defaults);
        return KafkaPublisher.start(settings, registry, Clock.systemUTC());
    }
}
