package dev.tributary.ingest.cron;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The catalogue registers the names, types, tags and descriptions docs/ingest-cron.md documents. */
class CronMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void metersHaveTheDocumentedNamesTypesAndTags() {
        CronMetrics metrics = new CronMetrics(registry, "tributary.cron");
        metrics.schedule("nightly");

        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .containsExactlyInAnyOrder("tributary.cron.leader", "tributary.cron.ticks", "tributary.cron.misfires.skipped");
        assertThat(registry.get("tributary.cron.leader").meter().getId().getType()).isEqualTo(Meter.Type.GAUGE);
        assertThat(registry.get("tributary.cron.leader").meter().getId().getTags())
                .containsExactly(Tag.of("group", "tributary.cron"));
        for (String counter : new String[] {"tributary.cron.ticks", "tributary.cron.misfires.skipped"}) {
            assertThat(registry.get(counter).meter().getId().getType()).isEqualTo(Meter.Type.COUNTER);
            assertThat(registry.get(counter).meter().getId().getTags()).containsExactly(Tag.of("schedule", "nightly"));
        }
        assertThat(registry.getMeters()).allSatisfy(meter ->
                assertThat(meter.getId().getDescription()).as(meter.getId().getName()).isNotBlank());
    }

    @Test
    void countersAndTheGaugeShowWhatWasRecorded() {
        CronMetrics metrics = new CronMetrics(registry, "tributary.cron");
        CronMetrics.ScheduleMeters nightly = metrics.schedule("nightly");

        nightly.fired(3);
        nightly.skipped(7);
        metrics.leader(true);

        assertThat(registry.get(CronMetrics.TICKS).counter().count()).isEqualTo(3);
        assertThat(registry.get(CronMetrics.MISFIRES_SKIPPED).counter().count()).isEqualTo(7);
        assertThat(registry.get(CronMetrics.LEADER).gauge().value()).isEqualTo(1);
        metrics.leader(false);
        assertThat(registry.get(CronMetrics.LEADER).gauge().value()).isZero();
    }

    @Test
    void noopMetersRecordNothingAnywhere() {
        CronMetrics noop = CronMetrics.noop();

        noop.schedule("nightly").fired(1);
        noop.leader(true);

        assertThat(registry.getMeters()).isEmpty();
    }
}
