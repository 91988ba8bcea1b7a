package dev.tributary.dispatcher.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;

/**
 * The catalogue of the dispatcher's meters: every name, description and tag is declared here and nowhere else
 * (docs/metrics.md documents them). Names are Micrometer's dotted names, which a Prometheus registry renders as
 * {@code tributary_dispatch_invocations_total}; partition tags use OpenTelemetry's messaging names.
 *
 * <p>One instance per function: its meters are registered when it is created and used directly on every record,
 * never looked up. The partition lag gauges are registered on assignment and removed on revoke. Thread-safe.
 */
public final class DispatcherMetrics {

    public static final String INVOCATIONS = "tributary.dispatch.invocations";
    public static final String LATENCY = "tributary.dispatch.latency";
    public static final String IN_FLIGHT = "tributary.dispatch.in_flight";
    public static final String CONCURRENCY_LIMIT = "tributary.dispatch.concurrency.limit";
    public static final String BUFFERED = "tributary.dispatch.buffered";
    public static final String CONSUMER_LAG = "tributary.consumer.lag";
    public static final String RETRY_WAITING = "tributary.dispatch.retry_waiting";
    public static final String BLOCKED_KEYS = "tributary.dispatch.blocked_keys";
    public static final String BLOCKED_RECORDS = "tributary.dispatch.blocked";
    public static final String OLDEST_IN_FLIGHT_AGE = "tributary.dispatch.oldest_in_flight.age";
    public static final String RATE = "tributary.dispatch.rate";
    public static final String TIME_TO_DRAIN = "tributary.dispatch.time_to_drain";

    /** The function's name, on every meter. */
    public static final String TAG_FUNCTION = "function";
    /** What became of a record or attempt: one of {@link Outcome}'s tag values. */
    public static final String TAG_OUTCOME = "outcome";
    /** The topic, as OpenTelemetry's messaging conventions name it. */
    public static final String TAG_TOPIC = "messaging.destination.name";
    /** The partition number, as OpenTelemetry's messaging conventions name it. */
    public static final String TAG_PARTITION = "messaging.destination.partition.id";

    static final String INVOCATIONS_DESCRIPTION =
            "Records and attempts by outcome: success, failure, retry, dead_letter, filtered, undecodable";
    static final String LATENCY_DESCRIPTION = "Duration of one invocation attempt of the function, failed or not";
    static final String IN_FLIGHT_DESCRIPTION = "Invocations and dead-letter writes running now";
    static final String CONCURRENCY_LIMIT_DESCRIPTION =
            "The most invocations of the function in flight at once now: adaptive between minConcurrency and the cap";
    static final String BUFFERED_DESCRIPTION = "Records read and waiting for their turn, over all assigned partitions";
    static final String RETRY_WAITING_DESCRIPTION =
            "Records waiting for their next attempt; each holds back its key (key mode) or partition (partition mode)";
    static final String BLOCKED_KEYS_DESCRIPTION =
            "Keys (key mode) or partitions (partition mode) held back because their current record waits to be retried";
    static final String BLOCKED_RECORDS_DESCRIPTION =
            "Records queued behind a record that waits to be retried: head-of-line blocking";
    static final String OLDEST_IN_FLIGHT_AGE_DESCRIPTION =
            "Seconds since the oldest invocation still running started; 0 when none runs";
    static final String RATE_DESCRIPTION =
            "Records done per second (handled, dead-lettered or filtered), smoothed over the last seconds";
    static final String TIME_TO_DRAIN_DESCRIPTION =
            "Seconds to work off the current lag at the current rate; +Inf when records wait and none get done";
    static final String CONSUMER_LAG_DESCRIPTION =
            "Records of the partition not yet done: log end offset minus the offset the dispatcher would commit";

    /** The values of the {@value #TAG_OUTCOME} tag. */
    public enum Outcome {
        /** An invocation completed and its outputs were written. */
        SUCCESS,
        /** An attempt failed, whether it is retried or not. */
        FAILURE,
        /** A failed attempt was scheduled to be tried again. */
        RETRY,
        /** A record was written to the dead-letter topic. */
        DEAD_LETTER,
        /** The subscription's filter rejected the event: committed, never invoked. */
        FILTERED,
        /** The record is not a valid event: dead-lettered, never invoked. */
        UNDECODABLE;

        public String tagValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final String function;
    private final Map<Outcome, Counter> invocations = new EnumMap<>(Outcome.class);
    private final Timer latency;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicLong retryWaiting = new AtomicLong();
    private final AtomicLong concurrencyLimit = new AtomicLong();
    private final AtomicLong blockedKeys = new AtomicLong();
    private final AtomicLong blockedRecords = new AtomicLong();
    private final AtomicReference<Double> oldestInFlightAge = new AtomicReference<>(0.0);
    private final AtomicReference<Double> rate = new AtomicReference<>(0.0);
    private final AtomicReference<Double> timeToDrain = new AtomicReference<>(0.0);

    private DispatcherMetrics(MeterRegistry registry, String function, int concurrencyLimit) {
        this.registry = registry;
        this.function = function;
        for (Outcome outcome : Outcome.values()) {
            invocations.put(outcome, Counter.builder(INVOCATIONS).description(INVOCATIONS_DESCRIPTION)
                    .tag(TAG_FUNCTION, function).tag(TAG_OUTCOME, outcome.tagValue()).register(registry));
        }
        // The histogram gives Prometheus buckets, so percentiles can be aggregated over every replica.
        this.latency = Timer.builder(LATENCY).description(LATENCY_DESCRIPTION).tag(TAG_FUNCTION, function)
                .publishPercentileHistogram().register(registry);
        Gauge.builder(IN_FLIGHT, inFlight, AtomicLong::get).description(IN_FLIGHT_DESCRIPTION)
                .tag(TAG_FUNCTION, function).strongReference(true).register(registry);
        this.concurrencyLimit.set(concurrencyLimit);
        Gauge.builder(CONCURRENCY_LIMIT, this.concurrencyLimit, AtomicLong::get).description(CONCURRENCY_LIMIT_DESCRIPTION)
                .tag(TAG_FUNCTION, function).strongReference(true).register(registry);
        Gauge.builder(BUFFERED, buffered, AtomicLong::get).description(BUFFERED_DESCRIPTION)
                .tag(TAG_FUNCTION, function).strongReference(true).register(registry);
        Gauge.builder(RETRY_WAITING, retryWaiting, AtomicLong::get).description(RETRY_WAITING_DESCRIPTION)
                .tag(TAG_FUNCTION, function).strongReference(true).register(registry);
        Gauge.builder(BLOCKED_KEYS, blockedKeys, AtomicLong::get).description(BLOCKED_KEYS_DESCRIPTION)
                .tag(TAG_FUNCTION, function).strongReference(true).register(registry);
        Gauge.builder(BLOCKED_RECORDS, blockedRecords, AtomicLong::get).description(BLOCKED_RECORDS_DESCRIPTION)
                .tag(TAG_FUNCTION, function).strongReference(true).register(registry);
        Gauge.builder(OLDEST_IN_FLIGHT_AGE, oldestInFlightAge, AtomicReference::get)
                .description(OLDEST_IN_FLIGHT_AGE_DESCRIPTION).baseUnit("seconds")
                .tag(TAG_FUNCTION, function).strongReference(true).register(registry);
        Gauge.builder(RATE, rate, AtomicReference::get).description(RATE_DESCRIPTION)
                .tag(TAG_FUNCTION, function).strongReference(true).register(registry);
        Gauge.builder(TIME_TO_DRAIN, timeToDrain, AtomicReference::get).description(TIME_TO_DRAIN_DESCRIPTION)
                .baseUnit("seconds").tag(TAG_FUNCTION, function).strongReference(true).register(registry);
    }

    /**
     * Registers the meters of one function in {@code registry}.
     *
     * @param concurrencyLimit the function's cap on invocations in flight, where its adaptive limit starts
     */
    public static DispatcherMetrics create(MeterRegistry registry, String function, int concurrencyLimit) {
        Objects.requireNonNull(registry, "registry is required: DispatcherMetrics.noop() when metrics are off");
        Objects.requireNonNull(function, "function is required: the name of the function the meters count for");
        return new DispatcherMetrics(registry, function, concurrencyLimit);
    }

    /** Meters that record nothing: a composite registry with no registries in it hands out no-op meters. */
    public static DispatcherMetrics noop() {
        return new DispatcherMetrics(new CompositeMeterRegistry(), "noop", 0);
    }

    public String function() {
        return function;
    }

    /** Counts one record or attempt with {@code outcome}. */
    public void count(Outcome outcome) {
        invocations.get(outcome).increment();
    }

    /** Starts timing an invocation attempt, on the registry's clock. */
    public Timer.Sample startInvocation() {
        return Timer.start(registry);
    }

    /** Records an attempt's duration, whatever its outcome. */
    public void invocationEnded(Timer.Sample sample) {
        sample.stop(latency);
    }

    /**
     * How work flows, as of the dispatcher's last turn.
     *
     * @param retryWaitingNow   records waiting for their next attempt
     * @param oldestInFlight    how long the oldest running invocation has run
     * @param ratePerSecond     records done per second
     * @param timeToDrainSecond seconds to work off the lag at that rate
     */
    public void flow(long retryWaitingNow, Duration oldestInFlight, double ratePerSecond, double timeToDrainSecond) {
        retryWaiting.set(retryWaitingNow);
        oldestInFlightAge.set(oldestInFlight.toMillis() / 1_000.0);
        rate.set(ratePerSecond);
        timeToDrain.set(timeToDrainSecond);
    }

    /** The adaptive limit on invocations in flight, after it changed. */
    public void concurrencyLimit(int limit) {
        concurrencyLimit.set(limit);
    }

    /**
     * Head-of-line blocking as of the dispatcher's last turn.
     *
     * @param keys    keys (or partitions) whose current record waits to be retried
     * @param records records queued behind those
     */
    public void headOfLine(long keys, long records) {
        blockedKeys.set(keys);
        blockedRecords.set(records);
    }

    /** The in-flight and buffered counts as of the dispatcher's last turn. */
    public void workInProgress(long inFlightNow, long bufferedNow) {
        inFlight.set(inFlightNow);
        buffered.set(bufferedNow);
    }

    /** Registers the lag gauge of a newly assigned partition; {@link PartitionLag#remove()} it on revoke. */
    public PartitionLag partitionAssigned(TopicPartition partition) {
        AtomicLong lag = new AtomicLong();
        Gauge gauge = Gauge.builder(CONSUMER_LAG, lag, AtomicLong::get).description(CONSUMER_LAG_DESCRIPTION)
                .tags(Tags.of(TAG_FUNCTION, function, TAG_TOPIC, partition.topic(),
                        TAG_PARTITION, Integer.toString(partition.partition())))
                .strongReference(true).register(registry);
        return new PartitionLag(lag, gauge);
    }

    /** The lag gauge of one assigned partition; set by the consumer thread, read by the registry. */
    public final class PartitionLag {

        private final AtomicLong lag;
        private final Gauge gauge;

        private PartitionLag(AtomicLong lag, Gauge gauge) {
            this.lag = lag;
            this.gauge = gauge;
        }

        public void set(long records) {
            lag.set(records);
        }

        public long get() {
            return lag.get();
        }

        /** Unregisters the gauge, so a revoked partition is no longer reported by this process. */
        public void remove() {
            registry.remove(gauge);
        }
    }
}
