package dev.tributary.ingest.cron;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.cron.internal.CronExpressions;
import dev.tributary.ingest.cron.internal.StaticData;
import dev.tributary.ingest.internal.SettingChecks;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * One schedule: when it fires and where its ticks go. Immutable; the constructor checks every field and fails with
 * a {@link SettingsException} whose path is relative to the schedule ({@code expression}); see
 * {@link SettingsException#under(String)} for adding the schedule's place in a configuration file.
 *
 * <p><b>Expressions.</b> Five fields are a UNIX cron expression ({@code minute hour day-of-month month
 * day-of-week}, e.g. {@code 30 2 * * 1-5}); six or seven fields are a Quartz expression with seconds first and an
 * optional year ({@code 0/10 * * * * ?}, where one of day-of-month and day-of-week must be {@code ?}).
 *
 * <p><b>Time zones and daylight saving.</b> The expression is read as wall-clock time in {@link #zone()}. A local
 * time that does not exist because clocks jump forward (02:30 in Europe/Berlin on 2026-03-29) does not fire that
 * day. A local time that happens twice because clocks fall back (02:30 in Europe/Berlin on 2026-10-25) fires once,
 * at its first occurrence; the repeated hour fires nothing, even for {@code 0 * * * *} or a schedule every second.
 * A schedule that must follow elapsed time rather than the wall clock uses UTC, the default.
 *
 * @param name          unique among the schedules; the record key of every tick (so the ticks of a schedule stay in
 *                      order), part of the tick's id and source, and the key of the schedule's checkpoint. Letters,
 *                      digits, {@code .}, {@code _} and {@code -}, at most 200 characters. Renaming a schedule makes
 *                      it a new one, which starts from the moment it is first seen
 * @param expression    a 5-field UNIX or a 6- or 7-field Quartz cron expression
 * @param zone          the time zone the expression is read in; {@link #DEFAULT_ZONE UTC} by default
 * @param topic         the Kafka topic the ticks are written to
 * @param data          JSON copied into every tick's data as its {@code data} member; empty for none
 * @param misfirePolicy what to do with missed fire times; {@link MisfirePolicy#FIRE_ONCE} by default
 */
public record CronSchedule(String name, String expression, ZoneId zone, String topic, Optional<String> data,
                           MisfirePolicy misfirePolicy) {

    public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;
    public static final MisfirePolicy DEFAULT_MISFIRE_POLICY = MisfirePolicy.FIRE_ONCE;

    public CronSchedule {
        SettingChecks.plainName("name", name, "schedule", "each tick's source and id");
        expression = SettingChecks.required("expression", expression, "a 5-field UNIX or a 6- or 7-field Quartz cron expression").trim();
        CronExpressions.parse("expression", expression);
        SettingChecks.required("zone", zone, "a time zone such as UTC or Europe/Berlin");
        SettingChecks.topic("topic", topic);
        SettingChecks.required("data", data, "Optional.empty() for no static data");
        data.ifPresent(json -> StaticData.parse("data", json));
        SettingChecks.required("misfirePolicy", misfirePolicy, "one of " + MisfirePolicy.configNames());
    }

    /** A schedule in UTC, without static data, with the {@link MisfirePolicy#FIRE_ONCE fire-once} policy. */
    public static CronSchedule of(String name, String expression, String topic) {
        return new CronSchedule(name, expression, DEFAULT_ZONE, topic, Optional.empty(), DEFAULT_MISFIRE_POLICY);
    }

    public CronSchedule inZone(ZoneId zone) {
        return new CronSchedule(name, expression, zone, topic, data, misfirePolicy);
    }

    /** This schedule with {@code json} as the static data of its ticks. */
    public CronSchedule withData(String json) {
        return new CronSchedule(name, expression, zone, topic, Optional.ofNullable(json), misfirePolicy);
    }

    public CronSchedule withMisfirePolicy(MisfirePolicy misfirePolicy) {
        return new CronSchedule(name, expression, zone, topic, data, misfirePolicy);
    }
}
