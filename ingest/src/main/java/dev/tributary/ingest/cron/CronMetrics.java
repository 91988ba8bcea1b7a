package dev.tributary.ingest.cron;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The catalogue of the cron adapter's meters: every name, description and tag is declared here and nowhere else
 * (docs/ingest-cron.md documents them). A Prometheus registry renders {@value #TICKS} as
 * {@code tributary_cron_ticks_total}.
 *
 * <p>The leadership gauge is registered on creation, the counters of a schedule once by {@link #schedule(String)}
 * when the adapter starts; neither is looked up per tick. Thread-safe.
 */
public final class CronMetrics {

    public static final String TICKS = "tributary.cron.ticks";
    public static final String MISFIRES_SKIPPED = "tributary.cron.misfires.skipped";
    public static final String LEADER = "tributary.cron.leader";

    /** The schedule's name, on the counters. */
    public static final String TAG_SCHEDULE = "schedule";
    /** The consumer group of the replicas, on the leadership gauge. */
    public static final String TAG_GROUP = "group";

    static final String TICKS_DESCRIPTION = "Ticks fired and committed, catch-up ticks included";
    static final String MISFIRES_SKIPPED_DESCRIPTION =
            "Due fire times given up by the misfire policy or past the catch-up limit";
    static final String LEADER_DESCRIPTION = "1 while this replica is the one that fires the ticks, else 0";

    private final MeterRegistry registry;
    private final AtomicInteger leader = new AtomicInteger();

    /** Registers the leadership gauge of the replicas of {@code group} in {@code registry}. */
    public CronMetrics(MeterRegistry registry, String group) {
        this.registry = Objects.requireNonNull(registry, "registry is required: CronMetrics.noop() when metrics are off");
        Objects.requireNonNull(group, "group is required: the consumer group of the cron replicas");
        Gauge.builder(LEADER, leader, AtomicInteger::get).description(LEADER_DESCRIPTION)
                .tag(TAG_GROUP, group).strongReference(true).register(registry);
    }

    /** Meters that record nothing: a composite registry with no registries in it hands out no-op meters. */
    public static CronMetrics noop() {
        return new CronMetrics(new CompositeMeterRegistry(), "noop");
    }

    /** Registers the counters of one schedule; call once per schedule. */
    public ScheduleMeters schedule(String name) {
        Objects.requireNonNull(name, "name of the schedule the meters count for");
        return new ScheduleMeters(
                Counter.builder(TICKS).description(TICKS_DESCRIPTION).tag(TAG_SCHEDULE, name).register(registry),
                Counter.builder(MISFIRES_SKIPPED).description(MISFIRES_SKIPPED_DESCRIPTION)
                        .tag(TAG_SCHEDULE, name).register(registry));
    }

    /** Whether this replica leads now. */
    public void leader(boolean leading) {
        leader.set(leading ? 1 : 0);
    }

    /** The counters of one schedule. */
    public static final class ScheduleMeters {

        private final Counter ticks;
        private final Counter misfiresSkipped;

        private ScheduleMeters(Counter ticks, Counter misfiresSkipped) {
            this.ticks = ticks;
            this.misfiresSkipped = misfiresSkipped;
        }

        /** Counts ticks whose transaction committed. */
        public void fired(int count) {
            ticks.increment(count);
        }

        /** Counts fire times given up in a committed transaction. */
        public void skipped(long count) {
            misfiresSkipped.increment(count);
        }
    }
}
