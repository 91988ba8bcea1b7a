package dev.tributary.dispatcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.dispatcher.metrics.DispatcherMetrics.Outcome;
import dev.tributary.dispatcher.metrics.DispatcherMetrics.PartitionLag;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The catalogue registers the names, types, tags and descriptions docs/metrics.md documents. */
class DispatcherMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void functionMetersHaveTheDocumentedNamesTypesTagsAndDescriptions() {
        DispatcherMetrics.create(registry, "orders", 8);

        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName()).containsOnly(
                "tributary.dispatch.invocations", "tributary.dispatch.latency", "tributary.dispatch.in_flight",
                "tributary.dispatch.concurrency.limit", "tributary.dispatch.buffered", "tributary.dispatch.retry_waiting",
                "tributary.dispatch.oldest_in_flight.age", "tributary.dispatch.rate", "tributary.dispatch.time_to_drain",
                "tributary.dispatch.blocked_keys", "tributary.dispatch.blocked");
        assertThat(registry.find("tributary.dispatch.invocations").tag("function", "orders").counters())
                .extracting(counter -> counter.getId().getTag("outcome"))
                .containsExactlyInAnyOrder("success", "failure", "retry", "dead_letter", "filtered", "undecodable");
        assertType("tributary.dispatch.invocations", Meter.Type.COUNTER);
        assertType("tributary.dispatch.latency", Meter.Type.TIMER);
        assertType("tributary.dispatch.in_flight", Meter.Type.GAUGE);
        assertType("tributary.dispatch.concurrency.limit", Meter.Type.GAUGE);
        assertType("tributary.dispatch.buffered", Meter.Type.GAUGE);
        for (String gaugeOrTimer : List.of("tributary.dispatch.latency", "tributary.dispatch.in_flight",
                "tributary.dispatch.concurrency.limit", "tributary.dispatch.buffered", "tributary.dispatch.retry_waiting",
                "tributary.dispatch.oldest_in_flight.age", "tributary.dispatch.rate", "tributary.dispatch.time_to_drain",
                "tributary.dispatch.blocked_keys", "tributary.dispatch.blocked")) {
            assertType(gaugeOrTimer, gaugeOrTimer.endsWith("latency") ? Meter.Type.TIMER : Meter.Type.GAUGE);
            assertThat(registry.get(gaugeOrTimer).meter().getId().getTags()).containsExactly(Tag.of("function", "orders"));
        }
        assertThat(registry.getMeters()).allSatisfy(meter ->
                assertThat(meter.getId().getDescription()).as(meter.getId().getName()).isNotBlank());
        assertThat(registry.get("tributary.dispatch.latency").meter().getId().getDescription())
                .isEqualTo(DispatcherMetrics.LATENCY_DESCRIPTION);
        assertThat(registry.get("tributary.dispatch.concurrency.limit").gauge().value()).isEqualTo(8);
    }

    @Test
    void flowGaugesShowWhatTheDispatcherLastPublished() {
        DispatcherMetrics metrics = DispatcherMetrics.create(registry, "orders", 8);

        metrics.flow(3, Duration.ofMillis(1_500), 42.5, 12.0);

        assertThat(registry.get("tributary.dispatch.retry_waiting").gauge().value()).isEqualTo(3);
        assertThat(registry.get("tributary.dispatch.oldest_in_flight.age").gauge().value()).isEqualTo(1.5);
        assertThat(registry.get("tributary.dispatch.rate").gauge().value()).isEqualTo(42.5);
        assertThat(registry.get("tributary.dispatch.time_to_drain").gauge().value()).isEqualTo(12.0);
    }

    @Test
    void theConcurrencyLimitGaugeFollowsTheAdaptiveLimit() {
        DispatcherMetrics metrics = DispatcherMetrics.create(registry, "orders", 8);

        metrics.concurrencyLimit(5);

        assertThat(registry.get("tributary.dispatch.concurrency.limit").gauge().value()).isEqualTo(5);
    }

    @Test
    void headOfLineGaugesCountBlockedKeysAndTheRecordsBehindThem() {
        DispatcherMetrics metrics = DispatcherMetrics.create(registry, "orders", 8);

        metrics.headOfLine(2, 17);

        assertThat(registry.get("tributary.dispatch.blocked_keys").gauge().value()).isEqualTo(2);
        assertThat(registry.get("tributary.dispatch.blocked").gauge().value()).isEqualTo(17);
    }

    @Test
    void partitionLagIsAGaugeWithMessagingTagsUntilItIsRemoved() {
        DispatcherMetrics metrics = DispatcherMetrics.create(registry, "orders", 8);

        PartitionLag lag = metrics.partitionAssigned(new TopicPartition("payments", 3));
        lag.set(42);

        Meter meter = registry.get("tributary.consumer.lag").meter();
        assertThat(meter.getId().getType()).isEqualTo(Meter.Type.GAUGE);
        assertThat(meter.getId().getDescription()).isEqualTo(DispatcherMetrics.CONSUMER_LAG_DESCRIPTION);
        assertThat(meter.getId().getTags()).containsExactlyInAnyOrder(Tag.of("function", "orders"),
                Tag.of("messaging.destination.name", "payments"), Tag.of("messaging.destination.partition.id", "3"));
        assertThat(registry.get("tributary.consumer.lag").gauge().value()).isEqualTo(42);

        lag.remove();
        assertThat(registry.find("tributary.consumer.lag").gauges()).isEmpty();
    }

    @Test
    void outcomesCountOnTheirOwnCounter() {
        DispatcherMetrics metrics = DispatcherMetrics.create(registry, "orders", 8);

        metrics.count(Outcome.SUCCESS);
        metrics.count(Outcome.SUCCESS);
        metrics.count(Outcome.DEAD_LETTER);

        assertThat(registry.get("tributary.dispatch.invocations").tag("outcome", "success").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("tributary.dispatch.invocations").tag("outcome", "dead_letter").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("tributary.dispatch.invocations").tag("outcome", "failure").counter().count())
                .isZero();
    }

    @Test
    void noopMetersAcceptEveryCall() {
        DispatcherMetrics metrics = DispatcherMetrics.noop();

        metrics.count(Outcome.FAILURE);
        metrics.invocationEnded(metrics.startInvocation());
        metrics.workInProgress(3, 4);
        PartitionLag lag = metrics.partitionAssigned(new TopicPartition("t", 0));
        lag.set(5);
        lag.remove();

        assertThat(metrics.function()).isEqualTo("noop");
    }

    private void assertType(String name, Meter.Type type) {
        assertThat(registry.get(name).meters()).allSatisfy(meter -> assertThat(meter.getId().getType()).isEqualTo(type));
    }
}
