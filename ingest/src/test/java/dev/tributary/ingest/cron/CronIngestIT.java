package dev.tributary.ingest.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.ingest.cron.TickReader.Tick;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replicas of the cron adapter against a real broker: two replicas of one group fire each fire time of a schedule
 * every second exactly once, also when the leader is closed between ticks and the other takes over; a restarted
 * deployment continues from the checkpoint with the misfire policy.
 */
@WithLocalKafka(properties = {
        // One partition for the transaction state topic instead of 50: created at the first initTransactions().
        "transaction.state.log.num.partitions=1",
        // A member learns of a new assignment at its next heartbeat: half a second here instead of five.
        "group.consumer.min.heartbeat.interval.ms=500",
        "group.consumer.heartbeat.interval.ms=500"})
@Timeout(60)
class CronIngestIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String EVERY_SECOND = "* * * * * ?";

    @Test
    void twoReplicasFireExactlyOneTickPerSecond(@BootstrapServers String bootstrap) {
        createTopic(bootstrap, "two-replicas");
        CronSettings settings = settings("two-replicas", CronSchedule.of("every-second", EVERY_SECOND, "two-replicas"));
        SimpleMeterRegistry metricsA = new SimpleMeterRegistry();
        SimpleMeterRegistry metricsB = new SimpleMeterRegistry();
        Instant started = Instant.now();

        try (CronIngest a = start(settings, bootstrap, "cron-a", metricsA, Clock.systemUTC());
             CronIngest b = start(settings, bootstrap, "cron-b", metricsB, Clock.systemUTC())) {
            await("a leader").atMost(PATIENCE).until(() -> a.isLeader() || b.isLeader());
            await("six seconds of ticks").atMost(PATIENCE)
                    .until(() -> TickReader.read(bootstrap, "two-replicas").size() >= 6);
            await("exactly one replica leads").atMost(PATIENCE).untilAsserted(() ->
                    assertThat(List.of(a.isLeader(), b.isLeader())).containsExactlyInAnyOrder(true, false));
        }

        List<Tick> ticks = TickReader.read(bootstrap, "two-replicas");
        assertOneTickPerSecond(ticks);
        assertThat(ticks.getFirst().scheduledTime()).as("no tick from before the schedule was first seen")
                .isAfter(started.minusSeconds(1));
        assertThat(ticksCounted(metricsA) + ticksCounted(metricsB)).as("ticks counted by both replicas")
                .isEqualTo(ticks.size());
        Tick tick = ticks.getFirst();
        assertThat(tick.id()).isEqualTo("cron:every-second:" + tick.scheduledTime());
        assertThat(tick.key()).isEqualTo("every-second");
        assertThat(tick.event().cloudEvent().getType()).isEqualTo(CronIngest.TICK_TYPE);
        assertThat(tick.event().cloudEvent().getSource()).hasToString("/tributary/cron/every-second");
        assertThat(tick.event().cloudEvent().getTime().toInstant()).isEqualTo(tick.scheduledTime());
        assertThat(tick.firedTime()).isAfterOrEqualTo(tick.scheduledTime());
    }

    @Test
    void whenTheLeaderIsClosedTheOtherTakesOverWithoutRepeatingOrSkippingATick(@BootstrapServers String bootstrap) {
        createTopic(bootstrap, "hand-over");
        CronSettings settings = settings("hand-over", CronSchedule.of("every-second", EVERY_SECOND, "hand-over"));

        Instant closedAt;
        try (CronIngest a = start(settings, bootstrap, "cron-a", new SimpleMeterRegistry(), Clock.systemUTC());
             CronIngest b = start(settings, bootstrap, "cron-b", new SimpleMeterRegistry(), Clock.systemUTC())) {
            await("a leader").atMost(PATIENCE).until(() -> a.isLeader() || b.isLeader());
            await("three seconds of ticks").atMost(PATIENCE)
                    .until(() -> TickReader.read(bootstrap, "hand-over").size() >= 3);
            CronIngest leader = a.isLeader() ? a : b;
            CronIngest follower = leader == a ? b : a;

            closedAt = Instant.now();
            leader.close();

            await("the other replica leads").atMost(PATIENCE).until(follower::isLeader);
            Instant wanted = closedAt.plusSeconds(3);
            await("three seconds of ticks after the hand-over").atMost(PATIENCE).until(() ->
                    TickReader.read(bootstrap, "hand-over").getLast().scheduledTime().isAfter(wanted));
        }

        List<Tick> ticks = TickReader.read(bootstrap, "hand-over");
        assertOneTickPerSecond(ticks);
        assertThat(ticks.getFirst().scheduledTime()).as("first tick, before the close").isBefore(closedAt);
        assertThat(ticks.getLast().scheduledTime()).as("last tick, after the hand-over").isAfter(closedAt.plusSeconds(3));
    }

    @Test
    void aRestartedDeploymentContinuesFromTheCheckpointWithItsMisfirePolicy(@BootstrapServers String bootstrap) {
        createTopic(bootstrap, "restart");
        CronSettings settings = settings("restart", CronSchedule.of("every-minute", "* * * * *", "restart"))
                .withMisfireGrace(Duration.ofSeconds(10));
        MutableClock clock = MutableClock.at("2026-01-01T10:00:30Z");

        try (CronIngest first = start(settings, bootstrap, "cron-first", new SimpleMeterRegistry(), clock)) {
            await("the first replica leads").atMost(PATIENCE).until(first::isLeader);
            clock.set("2026-01-01T10:01:00.100Z");
            await("the 10:01 tick").atMost(PATIENCE).until(() -> TickReader.read(bootstrap, "restart").size() == 1);
        }
        // Every replica is down over 10:02, 10:03 and 10:04; the next one starts 45 s after 10:04.
        clock.set("2026-01-01T10:04:45Z");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (CronIngest second = start(settings, bootstrap, "cron-second", metrics, clock)) {
            await("the catch-up tick").atMost(PATIENCE).until(() -> TickReader.read(bootstrap, "restart").size() == 2);
            clock.set("2026-01-01T10:05:00.100Z");
            await("the 10:05 tick").atMost(PATIENCE).until(() -> TickReader.read(bootstrap, "restart").size() == 3);
        }

        List<Tick> ticks = TickReader.read(bootstrap, "restart");
        assertThat(ticks).extracting(Tick::id).containsExactly("cron:every-minute:2026-01-01T10:01:00Z",
                "cron:every-minute:2026-01-01T10:04:00Z", "cron:every-minute:2026-01-01T10:05:00Z");
        assertThat(ticks.get(1).firedTime()).as("fired when caught up").isEqualTo(Instant.parse("2026-01-01T10:04:45Z"));
        assertThat(metrics.get(CronMetrics.MISFIRES_SKIPPED).tag("schedule", "every-minute").counter().count())
                .as("10:02 and 10:03 skipped by fire-once").isEqualTo(2);
    }

    /** Each replica of a test has its own tick topic, group and coordination topic, so the tests are independent. */
    private static CronSettings settings(String name, CronSchedule schedule) {
        return CronSettings.of(schedule).withGroupId("cron-" + name).withCoordinationTopic("cron-" + name);
    }

    private static CronIngest start(CronSettings settings, String bootstrap, String clientId, MeterRegistry registry,
                                    Clock clock) {
        return CronIngest.start(settings, Map.of("bootstrap.servers", bootstrap, "client.id", clientId), registry, clock);
    }

    private static void createTopic(String bootstrap, String topic) {
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
    }

    /** Ticks of consecutive seconds, each once, between the first and the last seen. */
    private static void assertOneTickPerSecond(List<Tick> ticks) {
        assertThat(ticks).extracting(Tick::id).doesNotHaveDuplicates();
        Instant first = ticks.getFirst().scheduledTime();
        List<Instant> expected = IntStream.range(0, (int) ChronoUnit.SECONDS.between(first, ticks.getLast().scheduledTime()) + 1)
                .mapToObj(first::plusSeconds).toList();
        assertThat(ticks).extracting(Tick::scheduledTime).containsExactlyElementsOf(expected);
    }

    private static double ticksCounted(SimpleMeterRegistry registry) {
        return registry.get(CronMetrics.TICKS).counter().count();
    }
}
