package dev.tributary.sdk.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.Output;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Joined;
import org.junit.jupiter.api.Test;

/** What {@link StreamBuilder} reads and writes, on {@link StreamFunctionTester}. */
class StreamBuilderTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    record Reading(double value) {
    }

    record Calibration(double offset) {
    }

    @Test
    void inputMergesEverySubscribedTopic() {
        StreamFunction forward = (builder, config) -> builder.output(builder.input(String.class),
                StreamOutput.of("copied", DataCodecs.text()));
        try (StreamFunctionTester tester = StreamFunctionTester.of(forward).inputTopics("a", "b")) {
            tester.send("a", "k", "from a", NOW).send("b", "k", "from b", NOW);

            assertThat(tester.outputs(String.class)).extracting(Event::data).containsExactly("from a", "from b");
        }
    }

    @Test
    void eventsCarryTheirCloudEventAttributesAndPosition() {
        StreamFunction types = (builder, config) -> builder.output(
                builder.events(String.class).mapValues(event -> event.type() + " " + event.id() + " " + event.topic()
                        + " " + event.extensions().get("region") + " " + event.attempt()),
                StreamOutput.of("described", DataCodecs.text()));
        try (StreamFunctionTester tester = StreamFunctionTester.of(types)) {
            tester.send("input", Output.ofType("com.example.order").id("order-7").key("k")
                    .extension("region", "eu").text("x").build(), NOW);

            assertThat(tester.outputs(String.class)).extracting(Event::data)
                    .containsExactly("com.example.order order-7 input eu 1");
        }
    }

    @Test
    void aTableOfAnotherTopicJoinsTheInput() {
        StreamFunction calibrated = (builder, config) -> builder.output(
                builder.input(Reading.class).join(builder.table("calibrations", Calibration.class),
                        (reading, calibration) -> reading.value() + calibration.offset(),
                        Joined.with(Serdes.String(), StreamSerdes.json(Reading.class),
                                StreamSerdes.json(Calibration.class))),
                StreamOutput.of("calibrated", DataCodecs.json(Double.class)));
        try (StreamFunctionTester tester = StreamFunctionTester.of(calibrated).inputTopics("readings")) {
            tester.send("calibrations", "sensor-1", Map.of("offset", 0.5), NOW)
                    .send("readings", "sensor-1", Map.of("value", 20), NOW.plusSeconds(1))
                    .send("readings", "sensor-2", Map.of("value", 30), NOW.plusSeconds(2));

            assertThat(tester.outputs(Double.class)).extracting(Event::data).containsExactly(20.5);
        }
        assertThat(StreamTopology.build(calibrated, FunctionConfig.empty("c"), List.of("readings"), Optional.of("out"))
                .sourceTopics()).containsExactlyInAnyOrder("readings", "calibrations");
    }

    @Test
    void theOutputReplacesTheInputsHeadersWithItsOwnCloudEventAttributes() {
        StreamFunction forward = (builder, config) -> builder.output(builder.input(String.class),
                StreamOutput.of("copied", DataCodecs.text()).withSource(java.net.URI.create("urn:copier")));
        try (StreamFunctionTester tester = StreamFunctionTester.of(forward)) {
            tester.send("input", Output.ofType("original").id("in-1").key("k").extension("secret", "s").text("x")
                    .build(), NOW);

            Event<String> copy = tester.outputs(String.class).get(0);
            assertThat(copy.type()).isEqualTo("copied");
            assertThat(copy.source()).hasToString("urn:copier");
            assertThat(copy.id()).isEqualTo("in-1:function-under-test:k");
            assertThat(copy.extensions()).doesNotContainKey("secret");
            assertThat(copy.dataContentType()).contains("text/plain; charset=utf-8");
        }
    }

    @Test
    void aBuildThatReadsNothingIsRejectedWithWhatToDo() {
        assertThatThrownBy(() -> StreamTopology.build((builder, config) -> { }, FunctionConfig.empty("idle"),
                List.of("in"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idle").hasMessageContaining("builder.input(...)");
    }

    @Test
    void aBuildThatThrowsIsReportedWithTheFunctionsName() {
        StreamFunction misconfigured = (builder, config) -> config.requireString("threshold");

        assertThatThrownBy(() -> StreamTopology.build(misconfigured, FunctionConfig.empty("alerts"), List.of("in"),
                Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stream function alerts")
                .hasMessageContaining("functions[alerts].config.threshold is required");
    }

    @Test
    void jsonSerdesRoundTripLikeEventData() {
        Serde<Reading> serde = StreamSerdes.json(Reading.class);

        byte[] bytes = serde.serializer().serialize("store-changelog", new Reading(1.5));

        assertThat(new String(bytes)).isEqualTo("{\"value\":1.5}");
        assertThat(serde.deserializer().deserialize("store-changelog", bytes)).isEqualTo(new Reading(1.5));
        assertThat(serde.deserializer().deserialize("store-changelog", null)).isNull();
    }
}
