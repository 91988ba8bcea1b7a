package dev.tributary.ingest.cron;

import dev.tributary.ingest.cron.internal.CoordinationTopic;
import dev.tributary.ingest.cron.internal.KafkaClientConfigs;
import dev.tributary.ingest.cron.internal.LeaderLoop;
import dev.tributary.ingest.cron.internal.TickEvents;
import dev.tributary.ingest.publish.internal.PublishSpans;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The cron ingest adapter: fires the ticks of its schedules as CloudEvents on Kafka, exactly one per schedule and
 * fire time however many replicas run.
 *
 * <p><b>How.</b> Every replica joins one consumer group on a compacted, single-partition coordination topic; the
 * member that is assigned partition 0 leads. A new leader first calls {@code initTransactions()} with the
 * {@code transactional.id} all replicas share, which fences the previous leader and aborts what it left open; it
 * then reads the coordination topic ({@code read_committed}) to its end to learn the last fire time each schedule
 * handled, and from then on writes each schedule's ticks together with its new checkpoint in one transaction. A
 * deposed leader can therefore commit nothing more, and a new one continues exactly after the last committed tick.
 * The misfire policy of a schedule decides what happens to fire times that passed with no leader (see
 * {@link MisfirePolicy}).
 *
 * <p><b>Ticks.</b> Type {@value #TICK_TYPE}, id {@code cron:<name>:<scheduled time ISO-8601 UTC>}, source
 * {@code /tributary/cron/<name>}, {@code time} the scheduled time, {@code partitionkey} and record key the schedule
 * name, data {@code application/json} with {@code schedule}, {@code scheduledTime}, {@code firedTime} and the
 * schedule's static {@code data}. Consumers that read {@code read_committed} see each tick once; a
 * {@code read_uncommitted} consumer may also see a tick of an aborted transaction, which carries the same id as
 * its committed twin.
 *
 * <pre>{@code
 * CronSettings settings = CronSettings.of(CronSchedule.of("nightly", "0 2 * * *", "reports")
 *         .inZone(ZoneId.of("Europe/Berlin")));
 * try (CronIngest cron = CronIngest.start(settings, Map.of("bootstrap.servers", "localhost:9092"),
 *         registry, Clock.systemUTC())) {
 *     ...
 * }
 * }</pre>
 */
public final class CronIngest implements AutoCloseable {

    /** The CloudEvents type of a tick. */
    public static final String TICK_TYPE = TickEvents.TYPE;

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final CronSettings settings;
    private final LeaderLoop loop;
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CronIngest(CronSettings settings, LeaderLoop loop, String clientId) {
        this.settings = settings;
        this.loop = loop;
        this.thread = Thread.ofPlatform().name("tributary-cron-" + clientId).unstarted(loop);
    }

    /**
     * Creates the coordination topic if it is missing, joins the group and returns; the replica fires ticks once the
     * group makes it the leader.
     *
     * @param kafkaProperties Kafka client properties shared by the adapter's consumer, producer and admin client:
     *                        {@code bootstrap.servers}, security, {@code client.id} (the base of the clients' ids;
     *                        give each replica its own). The adapter sets group id, {@code transactional.id},
     *                        isolation level, idempotence, acks and auto-commit itself
     * @param registry        where the {@link CronMetrics} go
     * @param clock           the time the schedules follow
     * @throws IllegalStateException when the coordination topic is missing and cannot be created
     */
    public static CronIngest start(CronSettings settings, Map<String, Object> kafkaProperties,
                                   MeterRegistry registry, Clock clock) {
        return start(settings, kafkaProperties, registry, clock, OpenTelemetry.noop());
    }

    /**
     * Like {@link #start(CronSettings, Map, MeterRegistry, Clock)}, with a PRODUCER span per tick written: each tick
     * starts a trace of its own, which the functions that handle it continue.
     *
     * @param openTelemetry where the spans go; {@link OpenTelemetry#noop()} for none
     */
    public static CronIngest start(CronSettings settings, Map<String, Object> kafkaProperties,
                                   MeterRegistry registry, Clock clock, OpenTelemetry openTelemetry) {
        Objects.requireNonNull(settings, "settings are required");
        Objects.requireNonNull(registry, "registry is required: a CompositeMeterRegistry when metrics are off");
        Objects.requireNonNull(clock, "clock is required: Clock.systemUTC() outside tests");
        KafkaClientConfigs configs = new KafkaClientConfigs(kafkaProperties, settings);
        CoordinationTopic.ensure(configs.admin(), settings.coordinationTopic(), TOPIC_TIMEOUT);
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(configs.consumer(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        LeaderLoop loop = new LeaderLoop(settings, consumer,
                () -> new KafkaProducer<>(configs.producer(), new ByteArraySerializer(), new ByteArraySerializer()),
                new CronMetrics(registry, settings.groupId()), clock, PublishSpans.of(openTelemetry));
        CronIngest cron = new CronIngest(settings, loop, configs.clientId());
        cron.thread.start();
        return cron;
    }

    public CronSettings settings() {
        return settings;
    }

    /** Whether this replica fires the ticks now: it owns partition 0 and has read the checkpoint. */
    public boolean isLeader() {
        return loop.isLeader();
    }

    /**
     * Stops firing, leaves the group (so another replica takes over promptly) and closes the Kafka clients. A second
     * call does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        loop.stop();
        try {
            if (!loop.awaitStopped(STOP_TIMEOUT)) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
        }
    }
}
