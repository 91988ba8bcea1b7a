package dev.tributary.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.publish.PublishException.Reason;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aRoutesMetersExistFromTheStartForEveryStatusTheAdapterAnswers() {
        IngestMetrics.create(registry).httpRoute("/events");

        assertThat(registry.find(IngestMetrics.HTTP_REQUESTS).tag(IngestMetrics.TAG_ROUTE, "/events").counters())
                .hasSize(IngestMetrics.HTTP_STATUSES.size());
        assertThat(registry.find(IngestMetrics.HTTP_EVENTS).tag(IngestMetrics.TAG_ROUTE, "/events").counter())
                .isNotNull();
        assertThat(registry.find(IngestMetrics.HTTP_PUBLISH_LATENCY).tag(IngestMetrics.TAG_ROUTE, "/events").timer())
                .isNotNull();
    }

    @Test
    void answersEventsAndPublishesAreRecordedUnderTheRoute() {
        IngestMetrics.HttpRouteMeters meters = IngestMetrics.create(registry).httpRoute("/topics/raw");

        meters.answered(202);
        meters.answered(418);
        meters.accepted(3);
        meters.publishEnded(meters.startPublish());

        assertThat(registry.get(IngestMetrics.HTTP_REQUESTS).tags(IngestMetrics.TAG_ROUTE, "/topics/raw",
                IngestMetrics.TAG_STATUS, "202").counter().count()).isEqualTo(1);
        assertThat(registry.get(IngestMetrics.HTTP_REQUESTS).tags(IngestMetrics.TAG_STATUS, "418").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(IngestMetrics.HTTP_EVENTS).counter().count()).isEqualTo(3);
        assertThat(registry.get(IngestMetrics.HTTP_PUBLISH_LATENCY).timer().count()).isEqualTo(1);
    }

    @Test
    void publisherGaugesReadTheirSourcesAndFailuresAreCountedByReason() {
        AtomicLong events = new AtomicLong(7);
        IngestMetrics.PublisherMeters meters = IngestMetrics.create(registry).publisher(events::get, () -> 512,
                () -> true);

        meters.failed(Reason.BUSY);
        events.set(9);

        assertThat(registry.get(IngestMetrics.PUBLISH_IN_FLIGHT).gauge().value()).isEqualTo(9);
        assertThat(registry.get(IngestMetrics.PUBLISH_IN_FLIGHT_BYTES).gauge().value()).isEqualTo(512);
        assertThat(registry.get(IngestMetrics.KAFKA_REACHABLE).gauge().value()).isEqualTo(1);
        assertThat(registry.get(IngestMetrics.PUBLISH_FAILURES).tag(IngestMetrics.TAG_REASON, "busy").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(IngestMetrics.PUBLISH_FAILURES).counters()).hasSize(Reason.values().length);
    }

    @Test
    void theNoopCatalogueRegistersNothingAnywhere() {
        IngestMetrics noop = IngestMetrics.noop();

        noop.httpRoute("/events").answered(202);
        noop.publisher(() -> 1, () -> 1, () -> true).failed(Reason.CLOSED);

        assertThat(registry.getMeters()).extracting(Meter::getId).isEmpty();
    }
}
