package dev.tributary.examples.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tributary.schemas.DeviceTelemetry;
import dev.tributary.schemas.avro.AvroSerdeException;
import dev.tributary.schemas.codec.DataCodecException;
import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.Output;
import dev.tributary.sdk.stream.StreamFunctionTester;
import dev.tributary.sdk.stream.StreamOutput;
import dev.tributary.sdk.stream.StreamTopology;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowAggregateTest {

    private static final Instant TEN = Instant.parse("2026-01-01T10:00:00Z");
    /** When the readings were written to Kafka, long after they were taken, as after a backlog. */
    private static final Instant WRITTEN = Instant.parse("2026-01-01T12:00:00Z");

    private static StreamFunctionTester tester() {
        return StreamFunctionTester.of(new WindowAggregate()).functionName("window-aggregate")
                .inputTopics("iot.telemetry").outputTopic("iot.telemetry.1m");
    }

    /** Sends a reading as ValidateEnrich writes it, taken at {@code taken}. */
    private static void send(StreamFunctionTester tester, String id, String device, Instant taken, double celsius,
                             double humidity) {
        DeviceTelemetry reading = new DeviceTelemetry(device, taken,
                Map.of(Metrics.TEMPERATURE, celsius, Metrics.HUMIDITY, humidity), null);
        tester.send("iot.telemetry", Output.ofType(ValidateEnrich.OUTPUT_TYPE).id(id).key(device)
                .extension(ValidateEnrich.SITE, "plant-berlin")
                .avro(reading).build(), WRITTEN);
    }

    @Test
    void summarisesEachDevicesReadingsPerMinuteOnceTheWindowHasClosed() {
        try (StreamFunctionTester tester = tester()) {
            send(tester, "r1", "pump-7", TEN.plusSeconds(5), 20, 40);
            send(tester, "r2", "pump-8", TEN.plusSeconds(30), 25, 50);
            send(tester, "r3", "pump-7", TEN.plusMillis(59_999), 30, 60);
            send(tester, "r4", "pump-7", TEN.plusSeconds(60), 99, 99);

            assertThat(tester.outputs(WindowSummary.class)).as("no window has closed yet").isEmpty();

            send(tester, "r5", "pump-8", TEN.plusSeconds(70), 26, 51);

            assertThat(tester.latest(WindowSummary.class)).containsOnlyKeys(
                    "pump-7@2026-01-01T10:00:00Z", "pump-8@2026-01-01T10:00:00Z");
            assertThat(tester.latest(WindowSummary.class).get("pump-7@2026-01-01T10:00:00Z").data()).isEqualTo(
                    new WindowSummary("pump-7", "plant-berlin", "2026-01-01T10:00:00Z", "2026-01-01T10:01:00Z", 2,
                            new WindowSummary.Metric(20, 30, 25), new WindowSummary.Metric(40, 60, 50)));
            assertThat(tester.latest(WindowSummary.class).get("pump-8@2026-01-01T10:00:00Z").data().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void aReadingAtTheEndOfAWindowCountsInTheNextOne() {
        try (StreamFunctionTester tester = tester()) {
            send(tester, "r1", "pump-7", TEN.plusMillis(59_999), 20, 40);
            send(tester, "r2", "pump-7", TEN.plusSeconds(60), 30, 50);
            send(tester, "r3", "pump-7", TEN.plusSeconds(130), 30, 50);

            Map<String, Event<WindowSummary>> latest = tester.latest(WindowSummary.class);

            assertThat(latest).containsOnlyKeys("pump-7@2026-01-01T10:00:00Z", "pump-7@2026-01-01T10:01:00Z");
            assertThat(latest.get("pump-7@2026-01-01T10:00:00Z").data().temperature().max()).isEqualTo(20);
            assertThat(latest.get("pump-7@2026-01-01T10:01:00Z").data().temperature().min()).isEqualTo(30);
        }
    }

    @Test
    void eachWindowIsWrittenOnceAndAReadingLaterThanTheGracePeriodIsDropped() {
        try (StreamFunctionTester tester = tester()) {
            send(tester, "r1", "pump-7", TEN.plusSeconds(5), 20, 40);
            send(tester, "r2", "pump-7", TEN.plusSeconds(69), 20, 40);
            send(tester, "r3", "pump-7", TEN.plusSeconds(30), 40, 40);    // 9 s past the window: within the grace
            send(tester, "r4", "pump-7", TEN.plusSeconds(70), 20, 40);    // closes 10:00
            send(tester, "r5", "pump-7", TEN.plusSeconds(31), 90, 40);    // too late for 10:00
            send(tester, "r6", "pump-7", TEN.plusSeconds(200), 20, 40);

            List<WindowSummary> firstWindow = tester.outputs(WindowSummary.class).stream().map(Event::data)
                    .filter(summary -> summary.windowStart().equals("2026-01-01T10:00:00Z")).toList();

            assertThat(firstWindow).singleElement().satisfies(summary -> {
                assertThat(summary.count()).isEqualTo(2);
                assertThat(summary.temperature().max()).isEqualTo(40);
            });
        }
    }

    @Test
    void windowsFollowWhenTheReadingsWereTakenNotWhenTheyWereWritten() {
        try (StreamFunctionTester tester = tester()) {
            // All written at WRITTEN, two hours later; taken in two different minutes.
            send(tester, "r1", "pump-7", TEN.plusSeconds(5), 20, 40);
            send(tester, "r2", "pump-7", TEN.plusSeconds(65), 30, 40);
            send(tester, "r3", "pump-7", TEN.plusSeconds(200), 30, 40);

            assertThat(tester.latest(WindowSummary.class)).containsKeys("pump-7@2026-01-01T10:00:00Z",
                    "pump-7@2026-01-01T10:01:00Z");
        }
    }

    @Test
    void eachSummaryIsAnEventKeyedByTheDeviceWithItsWindowAndAnIdDerivedFromItsInputAndWindow() {
        try (StreamFunctionTester tester = tester()) {
            send(tester, "r1", "pump-7", TEN.plusSeconds(5), 20, 40);
            send(tester, "r2", "pump-7", TEN.plusSeconds(50), 30, 40);
            send(tester, "r3", "pump-7", TEN.plusSeconds(75), 30, 40);

            Event<WindowSummary> summary = tester.outputs(WindowSummary.class).get(0);

            assertThat(summary.type()).isEqualTo(WindowAggregate.OUTPUT_TYPE);
            assertThat(summary.keyAsString()).hasValue("pump-7");
            assertThat(summary.id()).isEqualTo("r2:window-aggregate:pump-7@2026-01-01T10:00:00Z");
            assertThat(summary.source()).hasToString("tributary://functions/window-aggregate");
            assertThat(summary.dataContentType()).hasValue("application/json");
            assertThat(summary.time()).hasValueSatisfying(time ->
                    assertThat(time.toInstant()).isEqualTo(TEN.plusSeconds(50)));
            assertThat(summary.extensions()).containsEntry(StreamOutput.WINDOW_START, "2026-01-01T10:00:00Z")
                    .containsEntry(StreamOutput.WINDOW_END, "2026-01-01T10:01:00Z");
        }
    }

    @Test
    void theWindowSizeAndGraceComeFromTheConfig() {
        try (StreamFunctionTester tester = tester().config(Map.of("windowSeconds", 10, "graceSeconds", 0))) {
            send(tester, "r1", "pump-7", TEN.plusSeconds(1), 20, 40);
            send(tester, "r2", "pump-7", TEN.plusSeconds(11), 20, 40);
            send(tester, "r3", "pump-7", TEN.plusSeconds(20), 20, 40);

            assertThat(tester.latest(WindowSummary.class)).containsOnlyKeys("pump-7@2026-01-01T10:00:00Z",
                    "pump-7@2026-01-01T10:00:10Z");
        }
    }

    @Test
    void aWindowSizeThatIsNotWholeSecondsStopsTheFunctionNamingTheSetting() {
        try (StreamFunctionTester tester = tester().config(Map.of("windowSeconds", 0.5))) {
            assertThatThrownBy(() -> send(tester, "r1", "pump-7", TEN, 20, 40))
                    .hasMessageContaining("functions[window-aggregate].config.windowSeconds: 0.5 is not a whole"
                            + " number of seconds from 1");
        }
    }

    @Test
    void aReadingValidateEnrichDidNotWriteIsRefusedForTheDeadLetterTopic() {
        try (StreamFunctionTester tester = tester()) {
            Throwable thrown = catchThrowable(() -> tester.send("pump-7",
                    new DeviceTelemetry("pump-7", TEN, Map.of("battery", 0.9), null), TEN));

            assertThat(thrown).hasRootCauseInstanceOf(NonRetryableException.class)
                    .rootCause().hasMessageContaining("is not a validated reading");
        }
    }

    @Test
    void dataThatIsNotAvroIsRefusedForTheDeadLetterTopic() {
        try (StreamFunctionTester tester = tester()) {
            Throwable thrown = catchThrowable(() -> tester.send("pump-7",
                    Map.of("deviceId", "pump-7", "timestamp", TEN.toEpochMilli(), "metrics", Map.of("battery", 0.9)),
                    TEN));

            assertThat(thrown).hasRootCauseInstanceOf(AvroSerdeException.class);
            assertThat(catchDataCodecException(thrown)).isNotNull()
                    .satisfies(e -> assertThat(e.retriable()).isFalse());
        }
    }

    private static DataCodecException catchDataCodecException(Throwable thrown) {
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            if (current instanceof DataCodecException codec) {
                return codec;
            }
        }
        return null;
    }

    @Test
    void groupingByDeviceNeedsNoRepartitionTopic() {
        StreamTopology topology = StreamTopology.build(new WindowAggregate(), FunctionConfig.empty("window-aggregate"),
                List.of("iot.telemetry"), Optional.of("iot.telemetry.1m"), Optional.of(new InMemorySchemaRegistry()));

        assertThat(topology.topology().describe().toString()).doesNotContain("repartition");
    }
}
