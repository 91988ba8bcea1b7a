package dev.tributary.examples.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.sdk.Event;
import dev.tributary.sdk.stream.StreamFunctionTester;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertCountTest {

    private static final Instant WRITTEN = Instant.parse("2026-01-01T12:30:00Z");

    private static StreamFunctionTester tester() {
        return StreamFunctionTester.of(new AlertCount()).functionName("alert-count")
                .inputTopics("iot.alerts").outputTopic("iot.alerts.1h");
    }

    private static void alert(StreamFunctionTester tester, String device, String windowStart) {
        Instant start = Instant.parse(windowStart);
        tester.send(device, new Alert(device, "plant-berlin", windowStart, start.plusSeconds(60).toString(),
                Metrics.TEMPERATURE, 35, 30, "hot"), WRITTEN);
    }

    @Test
    void countsEachDevicesAlertedWindowsPerHourOfTheWindowTheyAreAbout() {
        try (StreamFunctionTester tester = tester()) {
            alert(tester, "pump-7", "2026-01-01T10:05:00Z");
            alert(tester, "pump-7", "2026-01-01T10:59:00Z");
            alert(tester, "pump-8", "2026-01-01T10:30:00Z");
            alert(tester, "pump-7", "2026-01-01T11:00:00Z");

            Map<String, Event<AlertTally>> latest = tester.latest(AlertTally.class);

            assertThat(latest).containsOnlyKeys("pump-7@2026-01-01T10:00:00Z", "pump-7@2026-01-01T11:00:00Z",
                    "pump-8@2026-01-01T10:00:00Z");
            assertThat(latest.get("pump-7@2026-01-01T10:00:00Z").data()).isEqualTo(new AlertTally("pump-7",
                    "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z", 2,
                    List.of("2026-01-01T10:05:00Z", "2026-01-01T10:59:00Z")));
            assertThat(latest.get("pump-7@2026-01-01T11:00:00Z").data().alerts()).isEqualTo(1);
            assertThat(latest.get("pump-8@2026-01-01T10:00:00Z").data().alerts()).isEqualTo(1);
            assertThat(latest.get("pump-8@2026-01-01T10:00:00Z").type()).isEqualTo(AlertCount.OUTPUT_TYPE);
        }
    }

    @Test
    void aCopyOfAnAlertCountsOnce() {
        try (StreamFunctionTester tester = tester()) {
            alert(tester, "pump-7", "2026-01-01T10:05:00Z");
            alert(tester, "pump-7", "2026-01-01T10:05:00Z");

            assertThat(tester.latest(AlertTally.class).get("pump-7@2026-01-01T10:00:00Z").data().alerts())
                    .isEqualTo(1);
        }
    }

    @Test
    void eachAlertUpdatesTheTallyOfItsHour() {
        try (StreamFunctionTester tester = tester()) {
            alert(tester, "pump-7", "2026-01-01T10:05:00Z");
            alert(tester, "pump-7", "2026-01-01T10:06:00Z");

            assertThat(tester.outputs(AlertTally.class)).extracting(event -> event.data().alerts())
                    .containsExactly(1, 2);
        }
    }

    @Test
    void thePeriodComesFromTheConfig() {
        try (StreamFunctionTester tester = tester().config(Map.of("windowSeconds", 600))) {
            alert(tester, "pump-7", "2026-01-01T10:05:00Z");
            alert(tester, "pump-7", "2026-01-01T10:15:00Z");

            assertThat(tester.latest(AlertTally.class)).containsOnlyKeys("pump-7@2026-01-01T10:00:00Z",
                    "pump-7@2026-01-01T10:10:00Z");
        }
    }
}
