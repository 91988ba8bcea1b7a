package dev.tributary.dispatcher.http;

import static dev.tributary.dispatcher.http.TestEvents.body;
import static dev.tributary.dispatcher.http.TestEvents.input;
import static dev.tributary.dispatcher.http.TestEvents.text;
import static dev.tributary.dispatcher.http.TestEvents.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CloudEventRequestsTest {

    private static final URI URL = URI.create("http://resize.default.svc:8080/events");

    private final CloudEventRequests unsigned = new CloudEventRequests(URL, Duration.ofSeconds(3), Optional.empty());

    private static CloudEventBuilder order() {
        return CloudEventBuilder.v1()
                .withId("order-1")
                .withSource(URI.create("/shop/checkout"))
                .withType("com.example.order.placed");
    }

    @Test
    void postsEveryAttributeAndExtensionAsACeHeaderAndTheDataAsTheBody() {
        KafkaEvent event = input(order()
                .withSubject("basket-9")
                .withTime(OffsetDateTime.parse("2024-01-31T09:30:00Z"))
                .withDataSchema(URI.create("https://example.com/order.json"))
                .withExtension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .withData("application/json", utf8("{\"total\":42}"))
                .build(), null);

        HttpRequest request = unsigned.build(event, 3);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo(URL);
        assertThat(request.timeout()).contains(Duration.ofSeconds(3));
        assertThat(request.headers().map()).containsEntry("ce-specversion", List.of("1.0"))
                .containsEntry("ce-id", List.of("order-1"))
                .containsEntry("ce-source", List.of("/shop/checkout"))
                .containsEntry("ce-type", List.of("com.example.order.placed"))
                .containsEntry("ce-subject", List.of("basket-9"))
                .containsEntry("ce-time", List.of("2024-01-31T09:30:00Z"))
                .containsEntry("ce-dataschema", List.of("https://example.com/order.json"))
                .containsEntry("ce-traceparent",
                        List.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
                .containsEntry("Content-Type", List.of("application/json"))
                .containsEntry("X-Tributary-Attempt", List.of("3"))
                .doesNotContainKeys("ce-datacontenttype", "ce-partitionkey", "X-Tributary-Signature");
        assertThat(text(body(request))).isEqualTo("{\"total\":42}");
    }

    @Test
    void theTraceContextAlsoGoesInTheW3cHeadersForTheFunctionsOwnTracing() {
        KafkaEvent event = input(order()
                .withExtension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .withExtension("tracestate", "vendor=1")
                .build(), null);

        HttpRequest request = unsigned.build(event, 1);

        assertThat(request.headers().firstValue("traceparent"))
                .contains("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(request.headers().firstValue("tracestate")).contains("vendor=1");
        assertThat(request.headers().firstValue("ce-tracestate")).contains("vendor=1");
    }

    @Test
    void percentEncodesAttributeValuesAsTheHttpBindingRequires() {
        KafkaEvent event = input(order().withSubject("Jörg \"50%\" off").withExtension("note", "a\tb").build(), null);

        HttpRequest request = unsigned.build(event, 1);

        assertThat(request.headers().firstValue("ce-subject")).contains("J%C3%B6rg%20%2250%25%22%20off");
        assertThat(request.headers().firstValue("ce-note")).contains("a%09b");
    }

    @Test
    void sendsTheRecordKeyAsPartitionKeyWhenTheEventHasNoPartitionKeyExtension() {
        HttpRequest request = unsigned.build(input(order().build(), "customer 7"), 1);

        assertThat(request.headers().allValues("ce-partitionkey")).containsExactly("customer%207");
    }

    @Test
    void sendsThePartitionKeyExtensionOnce() {
        HttpRequest request = unsigned.build(input(order().withExtension("partitionkey", "device-7").build(), null), 1);

        assertThat(request.headers().allValues("ce-partitionkey")).containsExactly("device-7");
    }

    @Test
    void sendsABinaryRecordKeyByteForByte() {
        ProducerRecord<byte[], byte[]> written = new KafkaEventCodec().encode(TestEvents.TOPIC, order().build());
        HttpRequest request = unsigned.build(input(written, new byte[] {0x00, 'a', (byte) 0xff}), 1);

        assertThat(request.headers().allValues("ce-partitionkey")).containsExactly("%00a%FF");
    }

    @Test
    void anEventWithoutKeyOrDataHasNoPartitionKeyNoContentTypeAndAnEmptyBody() {
        HttpRequest request = unsigned.build(input(order().build(), null), 1);

        assertThat(request.headers().map()).doesNotContainKeys("ce-partitionkey", "Content-Type");
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).isZero();
    }

    @Test
    void signsTheBodyWhenASecretIsConfigured() {
        CloudEventRequests signed = new CloudEventRequests(URL, Duration.ofSeconds(3),
                Optional.of(new RequestSigner(utf8("key"))));
        KafkaEvent event = input(order()
                .withData("text/plain", utf8("The quick brown fox jumps over the lazy dog"))
                .build(), null);

        HttpRequest request = signed.build(event, 1);

        // The HMAC-SHA256 example of Wikipedia's HMAC article, computed independently of this code.
        assertThat(request.headers().firstValue("X-Tributary-Signature"))
                .contains("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void sendsSpecVersion03EventsAs10() {
        KafkaEvent event = input(CloudEventBuilder.v03()
                .withId("old-1")
                .withSource(URI.create("/legacy"))
                .withType("com.example.legacy")
                .withDataSchema(URI.create("https://example.com/legacy.json"))
                .build(), null);

        HttpRequest request = unsigned.build(event, 1);

        assertThat(request.headers().firstValue("ce-specversion")).contains("1.0");
        assertThat(request.headers().firstValue("ce-dataschema")).contains("https://example.com/legacy.json");
        assertThat(request.headers().map()).doesNotContainKey("ce-schemaurl");
    }
}
