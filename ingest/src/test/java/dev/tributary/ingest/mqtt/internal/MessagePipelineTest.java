package dev.tributary.ingest.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.mqtt.MqttMapping;
import dev.tributary.ingest.mqtt.MqttMetrics;
import dev.tributary.ingest.mqtt.PayloadCodec;
import dev.tributary.ingest.publish.PublishException;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** A message's way through the pipeline, without MQTT or Kafka: events, invalid records, refusals and order. */
class MessagePipelineTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MqttMetrics metrics = MqttMetrics.direct(registry);
    private final ScriptedSink sink = new ScriptedSink();
    private final MessagePipeline pipeline = pipeline(KeyOrder.CALL_ORDER);

    @Test
    void aMessageBecomesACloudEventKeyedByTheDeviceWithItsUserPropertiesAsExtensions() {
        InboundMessage message = new InboundMessage("devices/pump-7/telemetry", json("{\"t\":21.5}"), 1,
                List.of(new UserProperty("Firmware-Version", "2.1"), new UserProperty("type", "reading")),
                Optional.empty());

        Verdict verdict = ingest(message);

        assertThat(verdict).isInstanceOf(Verdict.Published.class);
        CloudEvent event = sink.sentTo("telemetry").getFirst().event();
        assertThat(event.getId()).hasSize(36);
        assertThat(event.getSource()).isEqualTo(URI.create("/tributary/mqtt/devices/pump-7/telemetry"));
        assertThat(event.getType()).isEqualTo(MqttMapping.DEFAULT_TYPE);
        assertThat(event.getSubject()).isEqualTo("devices/pump-7/telemetry");
        assertThat(event.getTime().toInstant()).isEqualTo(NOW);
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtension("partitionkey")).isEqualTo("pump-7");
        assertThat(event.getExtension("firmwareversion")).isEqualTo("2.1");
        assertThat(event.getExtension("mqtttype")).isEqualTo("reading");
        assertThat(counted("devices/+/telemetry", "published")).isEqualTo(1);
    }

    @Test
    void aCeIdUserPropertyIsTheEventIdAndTheMappingMayNameTheType() {
        InboundMessage message = new InboundMessage("devices/cam-1/raw", new byte[]{1, 2}, 1,
                List.of(new UserProperty("ce-id", "frame-0001")), Optional.empty());

        ingest(message);

        CloudEvent event = sink.sentTo("raw").getFirst().event();
        assertThat(event.getId()).isEqualTo("frame-0001");
        assertThat(event.getType()).isEqualTo("com.example.raw");
        assertThat(event.getExtension("partitionkey")).as("a mapping without key sets none").isNull();
        assertThat(event.getExtensionNames()).doesNotContain("ceid");
    }

    @Test
    void aTopicThatIsNoValidUriPathIsEncodedInTheSource() {
        ingest(InboundMessage.of("devices/a b?/raw", new byte[]{1}, 1));

        assertThat(sink.sentTo("raw").getFirst().event().getSource().toString())
                .isEqualTo("/tributary/mqtt/devices/a%20b%3F/raw");
    }

    @Test
    void keyTemplatesMayJoinLevels() {
        ingest(InboundMessage.of("site/berlin/hall-1/status", json("{}"), 1));

        assertThat(sink.sentTo("status").getFirst().event().getExtension("partitionkey")).isEqualTo("berlin-hall-1");
    }

    @Test
    void aMalformedPayloadGoesToTheInvalidTopicWithTheReasonAndCountsAsOnKafka() {
        Verdict verdict = ingest(InboundMessage.of("devices/pump-7/telemetry", json("{not json"), 1));

        assertThat(verdict).isInstanceOf(Verdict.Diverted.class);
        assertThat(verdict.onKafka()).isTrue();
        assertThat(sink.sentTo("telemetry")).isEmpty();
        CloudEvent invalid = sink.sentTo("telemetry.invalid").getFirst().event();
        assertThat(invalid.getExtension("invalidreason").toString()).startsWith("the payload is not valid JSON");
        assertThat(invalid.getExtension("partitionkey")).isEqualTo("pump-7");
        assertThat(invalid.getData().toBytes()).isEqualTo(json("{not json"));
        assertThat(invalid.getDataContentType()).isEqualTo("application/octet-stream");
        assertThat(counted("devices/+/telemetry", "invalid")).isEqualTo(1);
    }

    @Test
    void anEmptyKeyGoesToTheInvalidTopic() {
        Verdict verdict = ingest(InboundMessage.of("devices//telemetry", json("{}"), 1));

        assertThat(verdict).isInstanceOf(Verdict.Diverted.class);
        assertThat(((Verdict.Diverted) verdict).reason()).contains("gives an empty key");
    }

    @Test
    void aTopicWithoutMappingIsUnmatchedAndPublishesNothing() {
        Verdict verdict = ingest(InboundMessage.of("elsewhere/x", json("{}"), 1));

        assertThat(verdict).isEqualTo(new Verdict.Unmatched("elsewhere/x"));
        assertThat(sink.sent()).isEmpty();
        assertThat(counted(MqttMetrics.UNMATCHED, "unmatched")).isEqualTo(1);
    }

    @Test
    void aTopicThePublisherMayNotUseIsForbiddenAndPublishesNothing() {
        Verdict verdict = pipeline.ingest(InboundMessage.of("devices/pump-8/telemetry", json("{}"), 1),
                PublishPermissions.of(List.of("devices/pump-7/#"))).toCompletableFuture().join();

        assertThat(verdict).isEqualTo(new Verdict.Forbidden("devices/pump-8/telemetry"));
        assertThat(sink.sent()).isEmpty();
        assertThat(counted("devices/+/telemetry", "forbidden")).isEqualTo(1);
    }

    @Test
    void aRefusalThatMayPassIsRefusedAndNothingIsDiverted() {
        sink.failing("telemetry", PublishException.Reason.BUSY);

        Verdict verdict = ingest(InboundMessage.of("devices/pump-7/telemetry", json("{}"), 1));

        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        assertThat(((Verdict.Refused) verdict).reason()).isEqualTo(PublishException.Reason.BUSY);
        assertThat(verdict.onKafka()).isFalse();
        assertThat(sink.sentTo("telemetry.invalid")).isEmpty();
        assertThat(counted("devices/+/telemetry", "refused")).isEqualTo(1);
    }

    @Test
    void aRefusalForGoodIsDivertedSoTheDeviceIsNotBlockedOnIt() {
        sink.failing("telemetry", PublishException.Reason.INVALID);

        Verdict verdict = ingest(InboundMessage.of("devices/pump-7/telemetry", json("{}"), 1));

        assertThat(verdict).isInstanceOf(Verdict.Diverted.class);
        assertThat(((Verdict.Diverted) verdict).reason()).contains("Kafka refused the event", "INVALID");
    }

    @Test
    void whenTheInvalidTopicRefusesTooTheMessageIsRefused() {
        sink.failing("telemetry.invalid", PublishException.Reason.UNAVAILABLE);

        Verdict verdict = ingest(InboundMessage.of("devices/pump-7/telemetry", json("nope"), 1));

        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        assertThat(((Verdict.Refused) verdict).message()).contains("invalid record", "telemetry.invalid");
    }

    @Test
    void withASinkThatKeepsCallOrderADevicesMessagesAreAllInFlightInArrivalOrderAndCompleteEachOnItsOwn() {
        sink.holding("telemetry");

        List<CompletionStage<Verdict>> verdicts = new ArrayList<>();
        for (String data : List.of("1", "2", "3")) {
            verdicts.add(pipeline.ingest(InboundMessage.of("devices/a/telemetry", json(data), 1),
                    PublishPermissions.any()));
        }

        assertThat(sink.sentTo("telemetry")).as("every message is handed over at once, in arrival order")
                .extracting(sent -> new String(sent.event().getData().toBytes(), StandardCharsets.UTF_8))
                .containsExactly("1", "2", "3");
        sink.sentTo("telemetry").get(1).result().complete(sink.acknowledgement("telemetry"));
        assertThat(verdicts.get(1).toCompletableFuture()).as("the second is done as soon as Kafka has it")
                .isCompletedWithValueMatching(verdict -> verdict instanceof Verdict.Published);
        assertThat(verdicts.get(0).toCompletableFuture()).isNotCompleted();
        assertThat(verdicts.get(2).toCompletableFuture()).isNotCompleted();
    }

    @Test
    void withASinkThatMayReorderADevicesMessagesArePublishedOneAfterAnotherOthersInParallel() {
        MessagePipeline oneAtATime = pipeline(KeyOrder.ONE_IN_FLIGHT_PER_KEY);
        sink.holding("telemetry");

        CompletionStage<Verdict> first = oneAtATime.ingest(InboundMessage.of("devices/a/telemetry", json("1"), 1),
                PublishPermissions.any());
        CompletionStage<Verdict> second = oneAtATime.ingest(InboundMessage.of("devices/a/telemetry", json("2"), 1),
                PublishPermissions.any());
        oneAtATime.ingest(InboundMessage.of("devices/b/telemetry", json("3"), 1), PublishPermissions.any());

        assertThat(sink.sentTo("telemetry")).as("a's second waits for its first; b goes at once")
                .extracting(sent -> new String(sent.event().getData().toBytes(), StandardCharsets.UTF_8))
                .containsExactly("1", "3");
        sink.sentTo("telemetry").getFirst().result().complete(sink.acknowledgement("telemetry"));
        assertThat(first.toCompletableFuture()).isCompleted();
        assertThat(sink.sentTo("telemetry")).extracting(sent -> new String(sent.event().getData().toBytes(),
                StandardCharsets.UTF_8)).containsExactly("1", "3", "2");
        assertThat(second.toCompletableFuture()).isNotCompleted();
    }

    private MessagePipeline pipeline(KeyOrder order) {
        MappingTable table = Mappings.compile(List.of(
                MqttMapping.of("devices/+/telemetry", "telemetry").withKey("{1}").withCodec(PayloadCodec.JSON),
                MqttMapping.of("devices/+/raw", "raw").withType("com.example.raw"),
                MqttMapping.of("site/+/+/status", "status").withKey("{1}-{2}")), Optional.empty(), metrics);
        return new MessagePipeline(table, sink, order, new MessageEvents(Clock.fixed(NOW, ZoneOffset.UTC)),
                metrics.unmatched());
    }

    private Verdict ingest(InboundMessage message) {
        return pipeline.ingest(message, PublishPermissions.any()).toCompletableFuture().join();
    }

    private double counted(String filter, String outcome) {
        return registry.get(MqttMetrics.MESSAGES).tag(MqttMetrics.TAG_FILTER, filter)
                .tag(MqttMetrics.TAG_OUTCOME, outcome).counter().count();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
