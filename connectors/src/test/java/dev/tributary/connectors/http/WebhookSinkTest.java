package dev.tributary.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.http.WebhookReceiver.Answer;
import dev.tributary.embedded.Ports;
import dev.tributary.sdk.FunctionTester;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.OverloadedException;
import dev.tributary.sdk.RetryableException;
import dev.tributary.sdk.TestEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook sink against a real HTTP server in the test: what it sends in each format, and what answers mean. */
class WebhookSinkTest {

    private static final byte[] READING = "{\"celsius\":21.50,\"device\":\"d-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private FunctionTester<byte[]> sink(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.putIfAbsent("url", receiver.url("/hooks/orders"));
        return FunctionTester.of(new WebhookSink(Clock.fixed(NOW, ZoneOffset.UTC))).functionName("orders-hook")
                .config(config);
    }

    private static TestEvent<byte[]> reading() {
        return TestEvent.builder(READING)
                .id("reading-1")
                .source(URI.create("mqtt://devices/d-1"))
                .type("com.example.reading")
                .subject("kitchen sensor ü")
                .time(OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC))
                .dataContentType("application/json")
                .extension("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .key("d-1")
                .build();
    }

    @Test
    void binaryModePutsAttributesInCeHeadersAndTheDataInTheBody() throws Exception {
        try (FunctionTester<byte[]> tester = sink(Map.of())) {
            assertThat(tester.send(reading()).succeeded()).isTrue();
        }

        WebhookReceiver.Received request = receiver.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks/orders");
        assertThat(request.body()).isEqualTo(READING);
        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.header("ce-specversion")).contains("1.0");
        assertThat(request.header("ce-id")).contains("reading-1");
        assertThat(request.header("ce-source")).contains("mqtt://devices/d-1");
        assertThat(request.header("ce-type")).contains("com.example.reading");
        assertThat(request.header("ce-subject")).as("percent-encoded UTF-8").contains("kitchen%20sensor%20%C3%BC");
        assertThat(request.header("ce-time")).contains("2026-11-23T10:00:00Z");
        assertThat(request.header("ce-traceparent")).contains("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(request.header("ce-partitionkey")).as("the record key, as the event has no partitionkey").contains("d-1");
        assertThat(request.header("X-Tributary-Signature")).as("unsigned without a secret").isEmpty();
    }

    @Test
    void structuredModeSendsTheWholeEventAsOneJsonObjectWithTheDataUnchanged() throws Exception {
        try (FunctionTester<byte[]> tester = sink(Map.of("format", "structured"))) {
            assertThat(tester.send(reading()).succeeded()).isTrue();
        }

        WebhookReceiver.Received request = receiver.only();
        assertThat(request.header("Content-Type")).contains("application/cloudevents+json; charset=UTF-8");
        assertThat(request.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("ce-"));
        JsonNode event = json.readTree(request.body());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isEqualTo("reading-1");
        assertThat(event.path("source").asText()).isEqualTo("mqtt://devices/d-1");
        assertThat(event.path("type").asText()).isEqualTo("com.example.reading");
        assertThat(event.path("subject").asText()).isEqualTo("kitchen sensor ü");
        assertThat(event.path("time").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.path("traceparent").asText()).startsWith("00-4bf92f");
        assertThat(event.path("partitionkey").asText()).isEqualTo("d-1");
        assertThat(event.path("data").path("device").asText()).isEqualTo("d-1");
        assertThat(request.bodyText()).as("JSON data is embedded byte for byte: 21.50 keeps its zero")
                .contains("\"data\":{\"celsius\":21.50,\"device\":\"d-1\"}");
    }

    @Test
    void structuredModeCarriesTextAsAStringAndOtherDataAsBase64() throws Exception {
        byte[] binary = {0, 1, 2, (byte) 0xff};
        try (FunctionTester<byte[]> tester = sink(Map.of("format", "structured"))) {
            tester.send(TestEvent.builder("it is 21.5 °C".getBytes(StandardCharsets.UTF_8))
                    .dataContentType("text/plain; charset=utf-8").build());
            tester.send(TestEvent.builder(binary).dataContentType("application/octet-stream").build());
            tester.send(TestEvent.builder("{not json".getBytes(StandardCharsets.UTF_8))
                    .dataContentType("application/json").build());
        }

        JsonNode text = json.readTree(receiver.received().get(0).body());
        JsonNode bytes = json.readTree(receiver.received().get(1).body());
        JsonNode broken = json.readTree(receiver.received().get(2).body());
        assertThat(text.path("data").asText()).isEqualTo("it is 21.5 °C");
        assertThat(bytes.has("data")).isFalse();
        assertThat(bytes.path("data_base64").binaryValue()).isEqualTo(binary);
        assertThat(broken.path("data_base64").binaryValue()).as("labelled JSON but not JSON: kept, losslessly")
                .isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dataModeSendsTheJsonDataAloneAsApplicationJson() throws Exception {
        try (FunctionTester<byte[]> tester = sink(Map.of("format", "data"))) {
            assertThat(tester.send(TestEvent.of(READING)).succeeded()).isTrue();
        }

        WebhookReceiver.Received request = receiver.only();
        assertThat(request.body()).isEqualTo(READING);
        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("ce-"));
    }

    @Test
    void dataModeDeadLettersEventsWithoutJsonDataWithoutSendingThem() throws Exception {
        try (FunctionTester<byte[]> tester = sink(Map.of("format", "data"))) {
            FunctionTester.Result empty = tester.send(TestEvent.builder(new byte[0]).id("e-1").build());
            FunctionTester.Result text = tester.send(TestEvent.builder("hello".getBytes(StandardCharsets.UTF_8))
                    .id("e-2").dataContentType("text/plain").build());

            assertThat(empty.failure()).containsInstanceOf(NonRetryableException.class);
            assertThat(empty.failure().orElseThrow()).hasMessageContaining("event e-1 has no data")
                    .hasMessageContaining("use format binary or structured");
            assertThat(text.failure()).containsInstanceOf(NonRetryableException.class);
            assertThat(text.failure().orElseThrow()).hasMessageContaining("content type 'text/plain'");
        }
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void signsTheBodyAsSentWithHmacSha256() throws Exception {
        try (FunctionTester<byte[]> tester = sink(Map.of("signingSecret", "s3cret", "format", "structured"))) {
            tester.send(reading());
        }
        try (FunctionTester<byte[]> tester = sink(Map.of("signingSecret", "s3cret", "signatureHeader",
                "X-Hub-Signature-256"))) {
            tester.send(reading());
        }

        WebhookReceiver.Received structured = receiver.received().get(0);
        WebhookReceiver.Received binary = receiver.received().get(1);
        assertThat(structured.header("X-Tributary-Signature")).contains(hmac("s3cret", structured.body()));
        assertThat(binary.header("X-Hub-Signature-256")).contains(hmac("s3cret", READING));
        assertThat(binary.header("X-Tributary-Signature")).isEmpty();
    }

    @Test
    void addsTheConfiguredHeadersToEveryRequest() throws Exception {
        try (FunctionTester<byte[]> tester = sink(Map.of("headers",
                Map.of("Authorization", "Bearer t0ken", "X-Tenant", 42)))) {
            tester.send(reading());
        }

        assertThat(receiver.only().header("Authorization")).contains("Bearer t0ken");
        assertThat(receiver.only().header("X-Tenant")).contains("42");
    }

    @Test
    void anyTwoHundredAnswerCompletesTheEvent() throws Exception {
        receiver.answer(request -> request.header("ce-id").orElseThrow().equals("a")
                ? Answer.status(202, "queued") : Answer.status(204));
        try (FunctionTester<byte[]> tester = sink(Map.of())) {
            assertThat(tester.send(TestEvent.builder(READING).id("a").build()).succeeded()).isTrue();
            assertThat(tester.send(TestEvent.builder(READING).id("b").build()).succeeded()).isTrue();
        }
    }

    @Test
    void tooManyRequestsIsOverloadedAndWaitsTheRetryAfterSeconds() throws Exception {
        receiver.answer(request -> Answer.status(429, "slow down").withHeader("Retry-After", "7"));
        try (FunctionTester<byte[]> tester = sink(Map.of())) {
            FunctionTester.Result result = tester.send(reading());

            assertThat(result.retryable()).isTrue();
            assertThat(result.failure()).containsInstanceOf(OverloadedException.class);
            OverloadedException overloaded = (OverloadedException) result.failure().orElseThrow();
            assertThat(overloaded.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(overloaded).hasMessage("webhook orders-hook at http://127.0.0.1:"
                    + URI.create(receiver.url("/")).getPort() + " answered HTTP 429: slow down");
        }
    }

    @Test
    void serviceUnavailableIsOverloadedAndReadsAnHttpDateRetryAfterAgainstTheClock() throws Exception {
        receiver.answer(request -> Answer.status(503).withHeader("Retry-After", "Mon, 23 Nov 2026 10:00:30 GMT"));
        try (FunctionTester<byte[]> tester = sink(Map.of())) {
            FunctionTester.Result result = tester.send(reading());

            assertThat(result.failure()).containsInstanceOf(OverloadedException.class);
            assertThat(((RetryableException) result.failure().orElseThrow()).retryAfter())
                    .contains(Duration.ofSeconds(30));
            assertThat(result.failure().orElseThrow()).hasMessageEndingWith("answered HTTP 503 with an empty body");
        }
    }

    @Test
    void otherServerErrorsAreRetryableButNotOverload() throws Exception {
        receiver.answer(request -> Answer.status(500, "database down"));
        try (FunctionTester<byte[]> tester = sink(Map.of())) {
            FunctionTester.Result result = tester.send(reading());

            assertThat(result.retryable()).isTrue();
            assertThat(result.failure().orElseThrow()).isExactlyInstanceOf(RetryableException.class)
                    .hasMessageEndingWith("answered HTTP 500: database down");
        }
    }

    @Test
    void clientErrorsAreNotRetryableAndQuoteTheStartOfTheBody() throws Exception {
        String longBody = "order 17 is unknown\n" + "x".repeat(2_000);
        receiver.answer(request -> Answer.status(400, longBody));
        try (FunctionTester<byte[]> tester = sink(Map.of())) {
            FunctionTester.Result result = tester.send(reading());

            assertThat(result.retryable()).isFalse();
            Throwable failure = result.failure().orElseThrow();
            assertThat(failure).isInstanceOf(NonRetryableException.class)
                    .hasMessageContaining("answered HTTP 400: order 17 is unknown xxx")
                    .hasMessageEndingWith("x...");
            assertThat(failure.getMessage()).hasSizeLessThan(1_200);
        }
    }

    @Test
    void redirectsAreNotFollowedAndSayWhereToPointTheSink() throws Exception {
        receiver.answer(request -> Answer.status(301).withHeader("Location", "https://hooks.example.com/v2"));
        try (FunctionTester<byte[]> tester = sink(Map.of())) {
            FunctionTester.Result result = tester.send(reading());

            assertThat(result.failure()).containsInstanceOf(NonRetryableException.class);
            assertThat(result.failure().orElseThrow())
                    .hasMessageContaining("set the sink's url to https://hooks.example.com/v2");
        }
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void messagesNameTheReceiverByItsOriginOnlyAsWebhookPathsCarrySecrets() throws Exception {
        receiver.answer(request -> Answer.status(404));
        try (FunctionTester<byte[]> tester = sink(Map.of("url", receiver.url("/services/T0/B0/s3cr3tT0ken?sig=abc")))) {
            Throwable failure = tester.send(reading()).failure().orElseThrow();

            assertThat(failure.getMessage()).doesNotContain("s3cr3tT0ken").doesNotContain("sig=abc")
                    .contains("at http://127.0.0.1:");
        }
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        String nobodyListens = "http://127.0.0.1:" + Ports.freePort() + "/hook";
        try (FunctionTester<byte[]> tester = sink(Map.of("url", nobodyListens))) {
            FunctionTester.Result result = tester.send(reading());

            assertThat(result.failure().orElseThrow()).isExactlyInstanceOf(RetryableException.class)
                    .hasMessageContaining("connection error: could not connect");
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsRetryable() throws Exception {
        receiver.answer(request -> WebhookReceiver.hang());
        try (FunctionTester<byte[]> tester = sink(Map.of("timeout", "200ms"))) {
            FunctionTester.Result result = tester.send(reading());

            assertThat(result.failure().orElseThrow()).isExactlyInstanceOf(RetryableException.class)
                    .hasMessageEndingWith("request timed out: no answer within 200 ms");
        }
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
