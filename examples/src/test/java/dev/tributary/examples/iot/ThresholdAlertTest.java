package dev.tributary.examples.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.sdk.FunctionTester;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.Output;
import dev.tributary.sdk.TestEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdAlertTest {

    private static FunctionTester<WindowSummary> tester() {
        return FunctionTester.of(new ThresholdAlert()).functionName("threshold-alert").outputTopic("iot.alerts");
    }

    private static WindowSummary summary(String device, String windowStart, String windowEnd, double average) {
        return new WindowSummary(device, "plant-berlin", windowStart, windowEnd, 3,
                new WindowSummary.Metric(average - 1, average + 1, average), new WindowSummary.Metric(40, 60, 50));
    }

    private static TestEvent<WindowSummary> event(String id, WindowSummary summary) {
        return TestEvent.builder(summary).id(id).key(summary.deviceId()).topic("iot.telemetry.1m").build();
    }

    @Test
    void alertsWhenTheAverageTemperatureIsAboveTheThreshold() throws Exception {
        try (FunctionTester<WindowSummary> tester = tester()) {
            FunctionTester.Result result = tester.send(event("s1",
                    summary("pump-7", "2026-01-01T10:00:00Z", "2026-01-01T10:01:00Z", 31.25)));

            assertThat(result.outputs()).singleElement().satisfies(emitted -> {
                Output alert = emitted.output();
                assertThat(emitted.topic()).isEqualTo("iot.alerts");
                assertThat(alert.type()).isEqualTo("dev.tributary.examples.iot.alert");
                assertThat(alert.key()).hasValue("pump-7".getBytes(StandardCharsets.UTF_8));
                assertThat(alert.id()).hasValue("temperature-above:pump-7@2026-01-01T10:00:00Z");
                assertThat(alert.time()).hasValue(OffsetDateTime.parse("2026-01-01T10:01:00Z"));
                assertThat(alert.value()).isEqualTo(new Alert("pump-7", "plant-berlin", "2026-01-01T10:00:00Z",
                        "2026-01-01T10:01:00Z", "temperature_c", 31.25, 30.0,
                        "pump-7 at plant-berlin averaged 31.3 °C from 2026-01-01T10:00:00Z to 2026-01-01T10:01:00Z,"
                                + " above the threshold of 30.0 °C"));
            });
            assertThat(tester.counter("alerts")).isEqualTo(1);
        }
    }

    @Test
    void anAverageAtOrBelowTheThresholdRaisesNoAlert() throws Exception {
        try (FunctionTester<WindowSummary> tester = tester()) {
            FunctionTester.Result at = tester.send(event("s1",
                    summary("pump-7", "2026-01-01T10:00:00Z", "2026-01-01T10:01:00Z", 30.0)));
            FunctionTester.Result below = tester.send(event("s2",
                    summary("pump-7", "2026-01-01T10:01:00Z", "2026-01-01T10:02:00Z", 12.0)));

            assertThat(at.succeeded()).isTrue();
            assertThat(below.succeeded()).isTrue();
            assertThat(tester.outputs()).isEmpty();
        }
    }

    @Test
    void theThresholdComesFromTheConfig() throws Exception {
        try (FunctionTester<WindowSummary> tester = tester().config(Map.of("temperatureAbove", 20))) {
            FunctionTester.Result result = tester.send(event("s1",
                    summary("pump-7", "2026-01-01T10:00:00Z", "2026-01-01T10:01:00Z", 20.5)));

            assertThat(result.outputs()).singleElement()
                    .satisfies(emitted -> assertThat(((Alert) emitted.output().value()).threshold()).isEqualTo(20.0));
        }
    }

    @Test
    void aMisspeltSettingStopsTheFunctionFromStartingRatherThanTakingTheDefault() throws Exception {
        try (FunctionTester<WindowSummary> tester = tester().config(Map.of("temperatureAbov", 20))) {
            assertThatThrownBy(() -> tester.send(event("s1",
                    summary("pump-7", "2026-01-01T10:00:00Z", "2026-01-01T10:01:00Z", 25))))
                    .hasMessageContaining("functions[threshold-alert].config.temperatureAbov is not a setting of"
                            + " ThresholdAlert; its settings are temperatureAbove");
        }
    }

    @Test
    void theAlertIdDependsOnlyOnTheDeviceAndWindowSoAReplayDoesNotAlertTwice() throws Exception {
        WindowSummary hot = summary("pump-7", "2026-01-01T10:00:00Z", "2026-01-01T10:01:00Z", 35);
        try (FunctionTester<WindowSummary> tester = tester()) {
            String first = tester.send(event("s1", hot)).outputs().get(0).output().id().orElseThrow();
            String replayed = tester.send(TestEvent.builder(hot).id("s1").key("pump-7").attempt(2).build())
                    .outputs().get(0).output().id().orElseThrow();
            String copy = tester.send(event("s1-copy", hot)).outputs().get(0).output().id().orElseThrow();
            String nextWindow = tester.send(event("s2",
                    summary("pump-7", "2026-01-01T10:01:00Z", "2026-01-01T10:02:00Z", 35)))
                    .outputs().get(0).output().id().orElseThrow();
            String otherDevice = tester.send(event("s3",
                    summary("pump-8", "2026-01-01T10:00:00Z", "2026-01-01T10:01:00Z", 35)))
                    .outputs().get(0).output().id().orElseThrow();

            assertThat(replayed).isEqualTo(first);
            assertThat(copy).isEqualTo(first);
            assertThat(nextWindow).isNotEqualTo(first);
            assertThat(otherDevice).isNotEqualTo(first).isNotEqualTo(nextWindow);
        }
    }

    @Test
    void somethingThatIsNotAWindowSummaryGoesToTheDeadLetterTopic() throws Exception {
        try (FunctionTester<WindowSummary> tester = tester()) {
            FunctionTester.Result noData = tester.send(TestEvent.<WindowSummary>builder(null).key("pump-7").build());
            FunctionTester.Result noWindow = tester.send(event("s1", summary("pump-7", null, null, 40)));

            assertThat(noData.failure()).containsInstanceOf(NonRetryableException.class);
            assertThat(noWindow.failure()).hasValueSatisfying(failure -> assertThat(failure)
                    .isInstanceOf(NonRetryableException.class).hasMessageContaining("not a window summary"));
            assertThat(tester.outputs()).isEmpty();
        }
    }
}
