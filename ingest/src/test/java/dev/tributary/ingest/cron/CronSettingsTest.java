package dev.tributary.ingest.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.ingest.SettingsException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings are plain records that check themselves and say which setting is wrong and what is allowed. */
class CronSettingsTest {

    private static final CronSchedule NIGHTLY = CronSchedule.of("nightly", "0 2 * * *", "reports");

    @Test
    void aScheduleDefaultsToUtcNoDataAndFireOnce() {
        assertThat(NIGHTLY.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(NIGHTLY.data()).isEmpty();
        assertThat(NIGHTLY.misfirePolicy()).isEqualTo(MisfirePolicy.FIRE_ONCE);
        assertThat(NIGHTLY.inZone(ZoneId.of("Europe/Berlin")).withData("{\"a\":1}")
                .withMisfirePolicy(MisfirePolicy.SKIP))
                .isEqualTo(new CronSchedule("nightly", "0 2 * * *", ZoneId.of("Europe/Berlin"), "reports",
                        Optional.of("{\"a\":1}"), MisfirePolicy.SKIP));
    }

    @Test
    void settingsDefaultToTheDocumentedValues() {
        CronSettings settings = CronSettings.of(NIGHTLY);

        assertThat(settings.coordinationTopic()).isEqualTo("tributary.cron");
        assertThat(settings.groupId()).isEqualTo("tributary.cron");
        assertThat(settings.misfireGrace()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.catchUpLimit()).isEqualTo(100);
        assertThat(settings.transactionalId()).isEqualTo("tributary-cron-tributary.cron");
        assertThat(settings.withGroupId("billing").transactionalId()).isEqualTo("tributary-cron-billing");
    }

    @Test
    void acceptsFiveFieldAndQuartzExpressions() {
        assertThat(CronSchedule.of("a", "*/5 * * * 1-5", "t").expression()).isEqualTo("*/5 * * * 1-5");
        assertThat(CronSchedule.of("b", " 0 0/10 * * * ? ", "t").expression()).isEqualTo("0 0/10 * * * ?");
        assertThat(CronSchedule.of("c", "0 0 12 ? * MON-FRI 2030", "t").expression()).isEqualTo("0 0 12 ? * MON-FRI 2030");
    }

    @Test
    void anInvalidFiveFieldExpressionNamesTheSettingAndTheExpression() {
        assertThatThrownBy(() -> CronSchedule.of("nightly", "61 * * * *", "reports"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("expression: '61 * * * *' is not a valid 5-field cron expression: ")
                .satisfies(e -> assertThat(((SettingsException) e).path()).isEqualTo("expression"));
    }

    @Test
    void theLauncherPutsTheScheduleInFrontOfThePath() {
        SettingsException e = new SettingsException("expression", "'x' is wrong");

        assertThat(e.under("schedules[0]")).hasMessage("schedules[0].expression: 'x' is wrong")
                .satisfies(moved -> assertThat(moved.path()).isEqualTo("schedules[0].expression"));
    }

    @Test
    void anInvalidQuartzExpressionSaysItIsReadAsQuartz() {
        assertThatThrownBy(() -> CronSchedule.of("q", "0 0 25 * * ?", "t"))
                .hasMessageStartingWith("expression: '0 0 25 * * ?' is not a valid Quartz");
    }

    @Test
    void aWrongNumberOfFieldsSaysWhatIsAllowed() {
        assertThatThrownBy(() -> CronSchedule.of("x", "* * * *", "t"))
                .hasMessage("expression: '* * * *' has 4 fields: use 5 (minute hour day-of-month month day-of-week) "
                        + "or Quartz's 6 or 7 (second first, optional year)");
        assertThatThrownBy(() -> CronSchedule.of("x", "  ", "t")).hasMessageStartingWith("expression: is empty");
    }

    @Test
    void anExpressionThatNeverFiresIsRejected() {
        assertThatThrownBy(() -> CronSchedule.of("x", "0 0 30 2 *", "t"))
                .hasMessage("expression: '0 0 30 2 *' never fires: check the day-of-month and month");
    }

    @Test
    void namesTopicsDataAndRequiredFieldsAreChecked() {
        assertThatThrownBy(() -> CronSchedule.of("my job", "* * * * *", "t"))
                .hasMessageStartingWith("name: 'my job' is not a valid schedule name: use letters, digits");
        assertThatThrownBy(() -> CronSchedule.of("a:b", "* * * * *", "t")).hasMessageStartingWith("name: 'a:b'");
        assertThatThrownBy(() -> CronSchedule.of("job", "* * * * *", "bad topic"))
                .hasMessageStartingWith("topic: 'bad topic' is not a Kafka topic name");
        assertThatThrownBy(() -> CronSchedule.of("job", "* * * * *", "t").withData("{\"a\":"))
                .hasMessageStartingWith("data: is not valid JSON: ");
        assertThatThrownBy(() -> CronSchedule.of("job", "* * * * *", "t").withData("{} {}"))
                .hasMessageStartingWith("data: is not valid JSON: ");
        assertThatThrownBy(() -> CronSchedule.of(null, "* * * * *", "t"))
                .hasMessage("name: is required: a name unique among the schedules");
        assertThatThrownBy(() -> CronSchedule.of("job", "* * * * *", "t").inZone(null))
                .hasMessage("zone: is required: a time zone such as UTC or Europe/Berlin");
        assertThatThrownBy(() -> CronSchedule.of("job", "* * * * *", "t").withMisfirePolicy(null))
                .hasMessage("misfirePolicy: is required: one of fire-once, skip, fire-all");
    }

    @Test
    void duplicateNamesPointAtBothSchedules() {
        CronSchedule other = CronSchedule.of("hourly", "0 * * * *", "t");

        assertThatThrownBy(() -> CronSettings.of(NIGHTLY, other, CronSchedule.of("nightly", "0 3 * * *", "t")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("schedules[2].name: 'nightly' is also the name of schedules[0]; "
                        + "give every schedule a name of its own");
    }

    @Test
    void theSettingsChecksNameTheSetting() {
        assertThatThrownBy(() -> CronSettings.of(List.of())).hasMessage("schedules: is empty: declare at least one schedule");
        assertThatThrownBy(() -> CronSettings.of(Arrays.asList(NIGHTLY, null))).hasMessage("schedules[1]: is missing");
        assertThatThrownBy(() -> CronSettings.of(NIGHTLY).withCatchUpLimit(0))
                .hasMessage("catchUpLimit: 0 is out of range: use 1 to 1000");
        assertThatThrownBy(() -> CronSettings.of(NIGHTLY).withMisfireGrace(Duration.ofSeconds(-1)))
                .hasMessage("misfireGrace: PT-1S is negative: use zero or more");
        assertThatThrownBy(() -> CronSettings.of(NIGHTLY).withCoordinationTopic(".."))
                .hasMessageStartingWith("coordinationTopic: '..' is not a Kafka topic name");
        assertThatThrownBy(() -> CronSettings.of(NIGHTLY).withGroupId(" "))
                .hasMessage("groupId: is blank: give a consumer group id such as tributary.cron");
    }

    @Test
    void misfirePoliciesHaveConfigurationNames() {
        assertThat(MisfirePolicy.fromConfigName("fire-once")).contains(MisfirePolicy.FIRE_ONCE);
        assertThat(MisfirePolicy.fromConfigName(" SKIP ")).contains(MisfirePolicy.SKIP);
        assertThat(MisfirePolicy.fromConfigName("fire-all")).contains(MisfirePolicy.FIRE_ALL);
        assertThat(MisfirePolicy.fromConfigName("fire_once")).isEmpty();
        assertThat(MisfirePolicy.configNames()).isEqualTo("fire-once, skip, fire-all");
    }
}
