package dev.tributary.examples.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.sdk.FunctionTester;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.Output;
import dev.tributary.sdk.TestEvent;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static FunctionTester<JsonNode> tester() {
        return FunctionTester.of(new AlertReport()).functionName("alert-report").outputTopic("iot.reports");
    }

    /** A tick as the cron adapter writes it. */
    private static TestEvent<JsonNode> tick(String scheduled, String fired) throws Exception {
        JsonNode data = JSON.readTree("{\"schedule\":\"hourly-alert-report\",\"scheduledTime\":\"" + scheduled
                + "\",\"firedTime\":\"" + fired + "\"}");
        return TestEvent.builder(data).id("cron:hourly-alert-report:" + scheduled).type("dev.tributary.cron.tick")
                .key("hourly-alert-report").time(OffsetDateTime.parse(scheduled)).topic("iot.ticks").build();
    }

    @Test
    void reportsThePeriodThatEndsAtTheTickAndWhereItsCountsAre() throws Exception {
        try (FunctionTester<JsonNode> tester = tester()) {
            FunctionTester.Result result = tester.send(tick("2026-01-01T11:00:00Z", "2026-01-01T11:00:00.012Z"));

            assertThat(result.outputs()).singleElement().satisfies(emitted -> {
                Output report = emitted.output();
                assertThat(emitted.topic()).isEqualTo("iot.reports");
                assertThat(report.type()).isEqualTo(AlertReport.OUTPUT_TYPE);
                assertThat(report.time()).hasValue(OffsetDateTime.parse("2026-01-01T11:00:00Z"));
                assertThat(report.value()).isEqualTo(new AlertReport.Report("hourly-alert-report",
                        "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z", "2026-01-01T11:00:00.012Z", "iot.alerts.1h",
                        "Alerts from 2026-01-01T10:00:00Z to 2026-01-01T11:00:00Z: the count per device is the latest"
                                + " event on iot.alerts.1h with windowstart 2026-01-01T10:00:00Z; this report does"
                                + " not count them itself."));
            });
        }
    }

    @Test
    void aCatchUpTickReportsThePeriodItWasScheduledFor() throws Exception {
        try (FunctionTester<JsonNode> tester = tester()) {
            FunctionTester.Result result = tester.send(tick("2026-01-01T11:00:00Z", "2026-01-01T14:20:00Z"));

            AlertReport.Report report = (AlertReport.Report) result.outputs().get(0).output().value();
            assertThat(report.periodStart()).isEqualTo("2026-01-01T10:00:00Z");
            assertThat(report.periodEnd()).isEqualTo("2026-01-01T11:00:00Z");
            assertThat(report.firedTime()).isEqualTo("2026-01-01T14:20:00Z");
        }
    }

    @Test
    void thePeriodAndTheCountsTopicComeFromTheConfig() throws Exception {
        try (FunctionTester<JsonNode> tester = tester()
                .config(Map.of("periodSeconds", 900, "countsTopic", "alerts.15m"))) {
            AlertReport.Report report = (AlertReport.Report) tester.send(
                    tick("2026-01-01T11:00:00Z", "2026-01-01T11:00:00Z")).outputs().get(0).output().value();

            assertThat(report.periodStart()).isEqualTo("2026-01-01T10:45:00Z");
            assertThat(report.countsTopic()).isEqualTo("alerts.15m");
        }
    }

    @Test
    void aTickWithoutAnyTimeGoesToTheDeadLetterTopic() throws Exception {
        try (FunctionTester<JsonNode> tester = tester()) {
            FunctionTester.Result result = tester.send(TestEvent.builder(JSON.readTree("{\"schedule\":\"x\"}"))
                    .id("t1").build());

            assertThat(result.failure()).hasValueSatisfying(failure -> assertThat(failure)
                    .isInstanceOf(NonRetryableException.class)
                    .hasMessageContaining("tick t1 has neither data.scheduledTime nor a time"));
        }
    }
}
