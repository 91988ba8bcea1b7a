package dev.tributary.ingest.cron;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.internal.SettingChecks;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the cron adapter needs besides the Kafka connection. Immutable; the constructor checks every field
 * and fails with a {@link SettingsException} naming the setting.
 *
 * <p>Replicas that share {@link #groupId()} and {@link #coordinationTopic()} are one deployment: whatever their
 * number, one of them fires each tick. They must run the same schedules. Separate deployments on one cluster use
 * a group and a coordination topic of their own each.
 *
 * @param schedules         at least one; names unique
 * @param coordinationTopic the compacted single-partition topic holding, per schedule, the last fire time handled;
 *                          created if missing; {@value #DEFAULT_COORDINATION_TOPIC} by default
 * @param groupId           the consumer group whose owner of partition 0 of the coordination topic is the leader,
 *                          and the base of the transactional id; {@value #DEFAULT_GROUP_ID} by default
 * @param misfireGrace      how late a fire time may be found due and still count as on time rather than missed;
 *                          one minute by default, which covers a leader change after a crash with Kafka's default
 *                          45-second session timeout
 * @param catchUpLimit      the most ticks a schedule fires at once when fire times are due together; 1 to
 *                          {@value #MAX_CATCH_UP_LIMIT}, {@value #DEFAULT_CATCH_UP_LIMIT} by default
 */
public record CronSettings(List<CronSchedule> schedules, String coordinationTopic, String groupId,
                           Duration misfireGrace, int catchUpLimit) {

    public static final String DEFAULT_COORDINATION_TOPIC = "tributary.cron";
    public static final String DEFAULT_GROUP_ID = "tributary.cron";
    public static final Duration DEFAULT_MISFIRE_GRACE = Duration.ofMinutes(1);
    public static final int DEFAULT_CATCH_UP_LIMIT = 100;
    public static final int MAX_CATCH_UP_LIMIT = 1_000;

    public CronSettings {
        SettingChecks.required("schedules", schedules, "a list of at least one schedule");
        if (schedules.isEmpty()) {
            throw new SettingsException("schedules", "is empty: declare at least one schedule");
        }
        Map<String, Integer> indexByName = new HashMap<>();
        for (int i = 0; i < schedules.size(); i++) {
            CronSchedule schedule = schedules.get(i);
            if (schedule == null) {
                throw new SettingsException("schedules[" + i + "]", "is missing");
            }
            Integer earlier = indexByName.putIfAbsent(schedule.name(), i);
            if (earlier != null) {
                throw new SettingsException("schedules[" + i + "].name", "'" + schedule.name()
                        + "' is also the name of schedules[" + earlier + "]; give every schedule a name of its own");
            }
        }
        schedules = List.copyOf(schedules);
        SettingChecks.topic("coordinationTopic", coordinationTopic);
        SettingChecks.notBlank("groupId", groupId, "a consumer group id such as tributary.cron");
        SettingChecks.required("misfireGrace", misfireGrace, "a duration of zero or more");
        if (misfireGrace.isNegative()) {
            throw new SettingsException("misfireGrace", misfireGrace + " is negative: use zero or more");
        }
        if (catchUpLimit < 1 || catchUpLimit > MAX_CATCH_UP_LIMIT) {
            throw new SettingsException("catchUpLimit",
                    catchUpLimit + " is out of range: use 1 to " + MAX_CATCH_UP_LIMIT);
        }
    }

    /** Settings with the defaults for everything but the schedules. */
    public static CronSettings of(List<CronSchedule> schedules) {
        return new CronSettings(schedules, DEFAULT_COORDINATION_TOPIC, DEFAULT_GROUP_ID, DEFAULT_MISFIRE_GRACE,
                DEFAULT_CATCH_UP_LIMIT);
    }

    public static CronSettings of(CronSchedule... schedules) {
        return of(List.of(schedules));
    }

    public CronSettings withCoordinationTopic(String coordinationTopic) {
        return new CronSettings(schedules, coordinationTopic, groupId, misfireGrace, catchUpLimit);
    }

    public CronSettings withGroupId(String groupId) {
        return new CronSettings(schedules, coordinationTopic, groupId, misfireGrace, catchUpLimit);
    }

    public CronSettings withMisfireGrace(Duration misfireGrace) {
        return new CronSettings(schedules, coordinationTopic, groupId, misfireGrace, catchUpLimit);
    }

    public CronSettings withCatchUpLimit(int catchUpLimit) {
        return new CronSettings(schedules, coordinationTopic, groupId, misfireGrace, catchUpLimit);
    }

    /**
     * The {@code transactional.id} every replica of the group uses. Being the same everywhere is what fences a
     * deposed leader: a new leader's {@code initTransactions()} bumps the epoch and aborts whatever the old one had
     * open, so the old one can no longer write.
     */
    public String transactionalId() {
        return "tributary-cron-" + groupId;
    }
}
