package dev.tributary.ingest.http.internal;

import static dev.tributary.ingest.testing.TestSettings.GITHUB_SECRET;
import static dev.tributary.ingest.testing.TestSettings.KEY_ALL;
import static dev.tributary.ingest.testing.TestSettings.PARTNER_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.publish.TopicEvent;
import dev.tributary.ingest.testing.Hmac;
import dev.tributary.ingest.testing.TestSettings;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Plain data to {@code /topics/{topic}} and signed webhooks, wrapped as CloudEvents, without a socket. */
class TopicAndWebhookEndpointsTest {

    private static final String PUSH = "{\"repository\":{\"full_name\":\"octo/hello\"},\"ref\":\"refs/heads/main\"}";

    private final RouterHarness harness = new RouterHarness(TestSettings.settings());

    @Test
    void plainJsonToAnOpenTopicIsWrappedWithTypeKeySourceAndArrivalTime() {
        Reply reply = harness.post("/topics/raw", Map.of("X-Api-Key", KEY_ALL, "Content-Type", "application/json",
                "X-Event-Type", "com.example.meter.read", "X-Partition-Key", "meter-9"), "{\"kwh\":3}");

        assertThat(reply.status()).isEqualTo(202);
        TopicEvent published = harness.publisher.published().getFirst();
        CloudEvent event = published.event();
        assertThat(published.topic()).isEqualTo("raw");
        assertThat(event.getType()).isEqualTo("com.example.meter.read");
        assertThat(event.getSource()).isEqualTo(URI.create("/tributary/http/topics/raw"));
        assertThat(event.getExtension("partitionkey")).isEqualTo("meter-9");
        assertThat(event.getTime()).isEqualTo(RouterHarness.NOW.atOffset(ZoneOffset.UTC));
        assertThat(UUID.fromString(event.getId())).isNotNull();
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getData().toBytes()).isEqualTo("{\"kwh\":3}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bytesWithoutContentTypeGetTheDefaultTypeAndOctetStream() {
        byte[] bytes = {0, (byte) 0xff, 7};

        Reply reply = harness.send("POST", "/topics/raw", Map.of("X-Api-Key", KEY_ALL), bytes);

        assertThat(reply.status()).isEqualTo(202);
        CloudEvent event = harness.publisher.published().getFirst().event();
        assertThat(event.getType()).isEqualTo(TopicEndpoint.DEFAULT_TYPE);
        assertThat(event.getDataContentType()).isEqualTo("application/octet-stream");
        assertThat(event.getExtension("partitionkey")).isNull();
        assertThat(event.getData().toBytes()).isEqualTo(bytes);
    }

    @Test
    void plainDataThatClaimsToBeJsonAndIsNotIs400() {
        Reply reply = harness.post("/topics/raw", Map.of("X-Api-Key", KEY_ALL, "Content-Type", "application/json"),
                "{\"kwh\":");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("attribute").asText()).isEqualTo("data");
        assertThat(harness.publisher.published()).isEmpty();
    }

    @Test
    void anEmptyEventTypeHeaderIs400() {
        Reply reply = harness.post("/topics/raw", Map.of("X-Api-Key", KEY_ALL, "X-Event-Type", " "), "x");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).startsWith("header X-Event-Type: empty");
    }

    @Test
    void aGithubWebhookWithAValidSignatureIsPublishedWithItsDeliveryIdAndKey() {
        byte[] body = PUSH.getBytes(StandardCharsets.UTF_8);

        Reply reply = harness.send("POST", "/webhooks/github", Map.of("Content-Type", "application/json",
                "X-Hub-Signature-256", "sha256=" + Hmac.sha256Hex(GITHUB_SECRET, body),
                "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"), body);

        assertThat(reply.status()).isEqualTo(202);
        TopicEvent published = harness.publisher.published().getFirst();
        assertThat(published.topic()).isEqualTo("hooks");
        assertThat(published.event().getId()).isEqualTo("72d3162e-cc78-11e3-81ab-4c9367dc0958");
        assertThat(published.event().getType()).isEqualTo("com.github.event");
        assertThat(published.event().getSource()).isEqualTo(URI.create("/tributary/http/webhooks/github"));
        assertThat(published.event().getExtension("partitionkey")).isEqualTo("octo/hello");
        assertThat(published.event().getData().toBytes()).isEqualTo(body);
    }

    @Test
    void aWebhookSignedWithAnotherSecretOrOverOtherBytesIs401AndNotPublished() {
        byte[] body = PUSH.getBytes(StandardCharsets.UTF_8);
        String wrongSecret = "sha256=" + Hmac.sha256Hex("guess".getBytes(StandardCharsets.UTF_8), body);
        String otherBody = "sha256=" + Hmac.sha256Hex(GITHUB_SECRET, "{}".getBytes(StandardCharsets.UTF_8));

        Reply first = harness.send("POST", "/webhooks/github", Map.of("X-Hub-Signature-256", wrongSecret), body);
        Reply second = harness.send("POST", "/webhooks/github", Map.of("X-Hub-Signature-256", otherBody), body);

        assertThat(first.status()).isEqualTo(401);
        assertThat(first.errorMessage()).contains("does not match the body");
        assertThat(second.status()).isEqualTo(401);
        assertThat(harness.publisher.published()).isEmpty();
    }

    @Test
    void anUnsignedWebhookIs401BeforeItsBodyIsRead() {
        RequestRouter.Admission admission = harness.router.admit("POST", "/webhooks/github",
                io.vertx.core.MultiMap.caseInsensitiveMultiMap());

        assertThat(admission).isInstanceOf(RequestRouter.Answer.class);
        Reply reply = ((RequestRouter.Answer) admission).reply();
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorMessage()).contains("not signed", "X-Hub-Signature-256: sha256=");
    }

    @Test
    void aGenericWebhookTakesTheHexDigestInItsOwnHeaderInEitherCase() {
        byte[] body = "event=ping".getBytes(StandardCharsets.UTF_8);
        String digest = Hmac.sha256Hex(PARTNER_SECRET, body).toUpperCase(Locale.ROOT);

        Reply reply = harness.send("POST", "/webhooks/partner", Map.of("X-Signature", digest,
                "Content-Type", "application/x-www-form-urlencoded"), body);

        assertThat(reply.status()).isEqualTo(202);
        CloudEvent event = harness.publisher.published().getFirst().event();
        assertThat(event.getType()).isEqualTo("com.partner.notification");
        assertThat(event.getDataContentType()).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void anUnknownWebhookIs404() {
        assertThat(harness.post("/webhooks/nobody", Map.of(), "{}").status()).isEqualTo(404);
    }
}
