package dev.tributary.sdk.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tributary.schemas.codec.DataCodecException;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.stream.WindowAverage.Average;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/** The example windowed average on {@link StreamFunctionTester}: the aggregates, and the events that carry them. */
class WindowAverageTest {

    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");

    private static StreamFunctionTester tester() {
        return StreamFunctionTester.of(new WindowAverage()).functionName("averages")
                .inputTopics("readings").outputTopic("reading-averages");
    }

    @Test
    void averagesReadingsPerKeyInOneMinuteTumblingWindows() {
        try (StreamFunctionTester tester = tester()) {
            tester.send("sensor-1", Map.of("value", 10), TEN.plusSeconds(5))
                    .send("sensor-2", Map.of("value", 100), TEN.plusSeconds(10))
                    .send("sensor-1", Map.of("value", 20), TEN.plusSeconds(59))
                    .send("sensor-1", Map.of("value", 40), TEN.plusSeconds(60))
                    .send("sensor-1", Map.of("value", 30), TEN.plusSeconds(61));

            Map<String, Event<Average>> latest = tester.latest(Average.class);

            assertThat(latest).containsOnlyKeys("sensor-1@2024-05-01T10:00:00Z", "sensor-1@2024-05-01T10:01:00Z",
                    "sensor-2@2024-05-01T10:00:00Z");
            assertThat(latest.get("sensor-1@2024-05-01T10:00:00Z").data()).isEqualTo(new Average(2, 30, 15));
            assertThat(latest.get("sensor-1@2024-05-01T10:01:00Z").data()).isEqualTo(new Average(2, 70, 35));
            assertThat(latest.get("sensor-2@2024-05-01T10:00:00Z").data()).isEqualTo(new Average(1, 100, 100));
        }
    }

    @Test
    void theWindowSizeComesFromTheFunctionsConfig() {
        try (StreamFunctionTester tester = tester().config(Map.of("windowSeconds", 10))) {
            tester.send("sensor-1", Map.of("value", 1), TEN.plusSeconds(1))
                    .send("sensor-1", Map.of("value", 3), TEN.plusSeconds(11));

            assertThat(tester.latest(Average.class)).containsOnlyKeys(
                    "sensor-1@2024-05-01T10:00:00Z", "sensor-1@2024-05-01T10:00:10Z");
        }
    }

    @Test
    void eachResultIsACloudEventWithTheWindowAndAnIdDerivedFromItsInputAndWindow() {
        try (StreamFunctionTester tester = tester()) {
            tester.send("sensor-1", Map.of("value", 10), TEN.plusSeconds(5));

            Event<Average> result = tester.outputs(Average.class).get(0);

            assertThat(result.type()).isEqualTo(WindowAverage.OUTPUT_TYPE);
            assertThat(result.source()).hasToString("tributary://functions/averages");
            assertThat(result.id()).isEqualTo("test-1:averages:sensor-1@2024-05-01T10:00:00Z");
            assertThat(result.keyAsString()).contains("sensor-1");
            assertThat(result.dataContentType()).contains("application/json");
            assertThat(result.time()).hasValueSatisfying(time -> assertThat(time.toInstant()).isEqualTo(TEN.plusSeconds(5)));
            assertThat(result.extensions()).containsEntry(StreamOutput.WINDOW_START, "2024-05-01T10:00:00Z")
                    .containsEntry(StreamOutput.WINDOW_END, "2024-05-01T10:01:00Z");
            assertThat(new String(result.rawData())).isEqualTo("{\"count\":1,\"sum\":10.0,\"average\":10.0}");
        }
    }

    @Test
    void theSameInputsGiveTheSameOutputIdsEveryTimeTheyAreProcessed() {
        List<String> first = idsAfterFeeding(tester());
        List<String> second = idsAfterFeeding(tester());

        assertThat(first).hasSize(3).doesNotHaveDuplicates().isEqualTo(second);
    }

    @Test
    void groupingTheInputByKeyNeedsNoRepartitionTopic() {
        StreamTopology topology = StreamTopology.build(new WindowAverage(), FunctionConfig.empty("averages"),
                List.of("readings"), Optional.of("reading-averages"));

        assertThat(topology.topology().describe().toString()).doesNotContain("repartition");
        assertThat(topology.sourceTopics()).containsExactly("readings");
        assertThat(topology.outputTopics()).containsExactly("reading-averages");
    }

    @Test
    void dataThatDoesNotDecodeFailsTheSendWithTheCodecsError() {
        try (StreamFunctionTester tester = tester()) {
            Throwable thrown = catchThrowable(() -> tester.send("sensor-1", "not json", TEN));

            assertThat(thrown).isInstanceOf(StreamsException.class);
            assertThat(causes(thrown)).filteredOn(DataCodecException.class::isInstance).singleElement()
                    .satisfies(cause -> assertThat(cause).hasMessageContaining("topic readings"));
        }
    }

    @Test
    void writingToTheOutputTopicWithoutOneFailsTheBuildNamingTheSetting() {
        try (StreamFunctionTester tester = tester().outputTopic(null)) {
            assertThatThrownBy(() -> tester.send("sensor-1", Map.of("value", 1), TEN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("averages").hasMessageContaining("output.topic");
        }
    }

    private static List<String> idsAfterFeeding(StreamFunctionTester tester) {
        try (tester) {
            tester.send("sensor-1", Map.of("value", 10), TEN.plusSeconds(5))
                    .send("sensor-1", Map.of("value", 20), TEN.plusSeconds(6))
                    .send("sensor-2", Map.of("value", 30), TEN.plusSeconds(7));
            return tester.outputs(Average.class).stream().map(Event::id).toList();
        }
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }
}
