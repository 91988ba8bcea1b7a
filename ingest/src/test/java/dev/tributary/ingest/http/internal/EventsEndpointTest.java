package dev.tributary.ingest.http.internal;

import static dev.tributary.ingest.testing.TestSettings.KEY_ALL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.ingest.http.ApiKey;
import dev.tributary.ingest.publish.TopicEvent;
import dev.tributary.ingest.testing.TestSettings;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code POST /events} in its three content modes, routing, keys and all-or-nothing batches, without a socket. */
class EventsEndpointTest {

    private static final Map<String, String> STRUCTURED = Map.of("Authorization", "Bearer " + KEY_ALL,
            "Content-Type", "application/cloudevents+json");
    private static final Map<String, String> BATCH = Map.of("Authorization", "Bearer " + KEY_ALL,
            "Content-Type", "application/cloudevents-batch+json");

    private final RouterHarness harness = new RouterHarness(TestSettings.settings());

    static String event(String id, String type) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/sensors/7\",\"type\":\"" + type
                + "\",\"data\":{\"celsius\":21.50}}";
    }

    @Test
    void aStructuredEventGoesToTheTopicOfTheFirstMatchingRouteAndIsAnswered202WithItsOffset() {
        Reply reply = harness.post("/events", STRUCTURED, event("e-1", "com.example.telemetry.reading"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().toString()).isEqualTo("{\"topic\":\"telemetry\",\"partition\":0,\"offset\":0}");
        TopicEvent published = harness.publisher.published().getFirst();
        assertThat(published.topic()).isEqualTo("telemetry");
        assertThat(published.event().getId()).isEqualTo("e-1");
        assertThat(published.event().getDataContentType())
                .as("JSON data without datacontenttype is JSON, and says so once in binary mode")
                .isEqualTo("application/json");
        assertThat(new String(published.event().getData().toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"celsius\":21.50}");
    }

    @Test
    void theRequestsTraceContextGoesIntoTheEventUnlessTheEventHasItsOwn() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        Map<String, String> traced = new java.util.HashMap<>(STRUCTURED);
        traced.put("traceparent", traceparent);
        traced.put("tracestate", "vendor=1");

        harness.post("/events", traced, event("e-t", "com.example.telemetry.reading"));
        harness.post("/events", traced, event("e-own", "com.example.telemetry.reading").replace("\"data\"",
                "\"traceparent\":\"00-11111111111111111111111111111111-2222222222222222-01\",\"data\""));
        traced.put("traceparent", "not-a-trace");
        harness.post("/events", traced, event("e-bad", "com.example.telemetry.reading"));

        List<TopicEvent> published = harness.publisher.published();
        assertThat(published.get(0).event().getExtension("traceparent")).isEqualTo(traceparent);
        assertThat(published.get(0).event().getExtension("tracestate")).isEqualTo("vendor=1");
        assertThat(published.get(1).event().getExtension("traceparent"))
                .isEqualTo("00-11111111111111111111111111111111-2222222222222222-01");
        assertThat(published.get(2).event().getExtension("traceparent")).as("malformed: ignored").isNull();
    }

    @Test
    void anEventThatMatchesNoRouteGoesToTheDefaultTopic() {
        assertThat(harness.post("/events", STRUCTURED, event("e-2", "com.example.other")).status()).isEqualTo(202);

        assertThat(harness.publisher.published()).extracting(TopicEvent::topic).containsExactly("events");
    }

    @Test
    void withoutADefaultTopicAnUnroutedEventIs400NamingItsType() {
        RouterHarness noDefault = new RouterHarness(TestSettings.builder("").defaultTopic(null)
                .apiKeys(List.of(new ApiKey("all", KEY_ALL, Set.of("telemetry", "orders", "raw")))).build());

        Reply reply = noDefault.post("/events", STRUCTURED, event("e-3", "com.example.other"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).contains("no route matches", "com.example.other", "no default topic");
        assertThat(reply.body().get("attribute").asText()).isEqualTo("type");
        assertThat(noDefault.publisher.published()).isEmpty();
    }

    @Test
    void aBinaryModeEventTakesItsAttributesFromPercentEncodedCeHeadersAndItsDataFromTheBody() {
        Reply reply = harness.post("/events", Map.of("X-Api-Key", KEY_ALL,
                "ce-specversion", "1.0", "ce-id", "b-1", "ce-source", "/orders/web", "ce-type", "com.example.order.created",
                "ce-subject", "caf%C3%A9", "ce-partitionkey", "customer-7", "Content-Type", "text/plain"), "two coffees");

        assertThat(reply.status()).isEqualTo(202);
        CloudEvent event = harness.publisher.published().getFirst().event();
        assertThat(harness.publisher.published().getFirst().topic()).isEqualTo("orders");
        assertThat(event.getSubject()).isEqualTo("café");
        assertThat(event.getExtension("partitionkey")).isEqualTo("customer-7");
        assertThat(event.getDataContentType()).isEqualTo("text/plain");
        assertThat(event.getData().toBytes()).isEqualTo("two coffees".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anInvalidAttributeIs400NamingTheHeaderAndTheAttribute() {
        Reply reply = harness.post("/events", Map.of("X-Api-Key", KEY_ALL, "ce-specversion", "1.0", "ce-id", "b-2",
                "ce-source", "/x", "ce-type", "t", "ce-time", "yesterday"), "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).startsWith("header ce-time: 'yesterday' is not an RFC 3339 timestamp");
        assertThat(reply.body().get("attribute").asText()).isEqualTo("time");
    }

    @Test
    void aMissingRequiredMemberOfAStructuredEventIs400NamingIt() {
        Reply reply = harness.post("/events", STRUCTURED, "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"t\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).contains("source", "missing");
        assertThat(reply.body().get("attribute").asText()).isEqualTo("source");
    }

    @Test
    void aValidBatchIsPublishedInOrderAndAnswered202WithOneAcknowledgementPerEvent() {
        Reply reply = harness.post("/events", BATCH, "[" + event("a", "com.example.telemetry.reading") + ","
                + event("b", "com.example.order.created") + "," + event("c", "com.example.telemetry.reading") + "]");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().isArray()).isTrue();
        assertThat(reply.body()).extracting(node -> node.get("topic").asText())
                .containsExactly("telemetry", "orders", "telemetry");
        assertThat(harness.publisher.published()).extracting(published -> published.event().getId())
                .containsExactly("a", "b", "c");
    }

    @Test
    void aBatchWithOneInvalidEventIsRejectedWholeWithAResultPerEventAndNothingPublished() {
        Reply reply = harness.post("/events", BATCH, "[" + event("a", "com.example.telemetry.reading") + ","
                + "{\"specversion\":\"1.0\",\"id\":\"b\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"noon\"},"
                + "42]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).startsWith("2 of 3 events in the batch are invalid, so none was published");
        JsonNode results = reply.body().get("events");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("status").asText()).isEqualTo("valid");
        assertThat(results.get(0).get("topic").asText()).isEqualTo("telemetry");
        assertThat(results.get(1).get("status").asText()).isEqualTo("invalid");
        assertThat(results.get(1).get("id").asText()).isEqualTo("b");
        assertThat(results.get(1).get("attribute").asText()).isEqualTo("time");
        assertThat(results.get(1).get("error").asText()).startsWith("event [1]: body attribute time: 'noon'");
        assertThat(results.get(2).get("error").asText()).isEqualTo("event [2]: is a number, not a JSON object");
        assertThat(harness.publisher.published()).isEmpty();
    }

    @Test
    void aBatchThatIsNotAnArrayIs400() {
        Reply reply = harness.post("/events", BATCH, event("a", "t"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).contains("not a JSON array");
    }

    @Test
    void anEmptyBatchIsAcceptedWithNoAcknowledgements() {
        Reply reply = harness.post("/events", BATCH, "[]");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().toString()).isEqualTo("[]");
    }

    @Test
    void aKeyPointerKeysEventsWithoutAPartitionKeyFromTheirJsonData() {
        RouterHarness keyed = new RouterHarness(TestSettings.builder("").keyPointer("/device/id").build());
        String withDevice = "{\"specversion\":\"1.0\",\"id\":\"k\",\"source\":\"/s\",\"type\":\"t\","
                + "\"data\":{\"device\":{\"id\":\"dev-42\"}}}";
        String withOwnKey = "{\"specversion\":\"1.0\",\"id\":\"p\",\"source\":\"/s\",\"type\":\"t\","
                + "\"partitionkey\":\"mine\",\"data\":{\"device\":{\"id\":\"dev-42\"}}}";

        assertThat(keyed.post("/events", STRUCTURED, withDevice).status()).isEqualTo(202);
        assertThat(keyed.post("/events", STRUCTURED, withOwnKey).status()).isEqualTo(202);

        assertThat(keyed.publisher.published()).extracting(published -> published.event().getExtension("partitionkey"))
                .containsExactly("dev-42", "mine");
    }

    @Test
    void withAKeyPointerJsonDataWithoutTheKeyIs400() {
        RouterHarness keyed = new RouterHarness(TestSettings.builder("").keyPointer("/device/id").build());

        Reply reply = keyed.post("/events", STRUCTURED, event("n", "t"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).contains("data has no value at /device/id", "partitionkey");
        assertThat(reply.body().get("attribute").asText()).isEqualTo("data");
    }

    @Test
    void binaryModeJsonDataThatIsNotJsonIs400() {
        Reply reply = harness.post("/events", Map.of("X-Api-Key", KEY_ALL, "ce-specversion", "1.0", "ce-id", "j",
                "ce-source", "/x", "ce-type", "t", "Content-Type", "application/json"), "{not json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).startsWith("data is not valid JSON");
    }

    @Test
    void aContentTypeThatIsNoCloudEventIs415() {
        Reply plain = harness.post("/events", Map.of("X-Api-Key", KEY_ALL, "Content-Type", "application/json"), "{}");
        Reply xml = harness.post("/events", Map.of("X-Api-Key", KEY_ALL, "Content-Type", "application/cloudevents+xml"),
                "<e/>");
        Reply latin1 = harness.post("/events", Map.of("X-Api-Key", KEY_ALL,
                "Content-Type", "application/cloudevents+json; charset=ISO-8859-1"), event("l", "t"));

        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.errorMessage()).contains("not a CloudEvent", "/topics/{topic}");
        assertThat(xml.status()).isEqualTo(415);
        assertThat(latin1.status()).isEqualTo(415);
        assertThat(harness.publisher.published()).isEmpty();
    }
}
