package dev.tributary.schemas.event;

import static dev.tributary.schemas.event.TestRecords.OFFSET;
import static dev.tributary.schemas.event.TestRecords.PARTITION;
import static dev.tributary.schemas.event.TestRecords.TOPIC;
import static dev.tributary.schemas.event.TestRecords.binaryHeaders;
import static dev.tributary.schemas.event.TestRecords.consumed;
import static dev.tributary.schemas.event.TestRecords.header;
import static dev.tributary.schemas.event.TestRecords.record;
import static dev.tributary.schemas.event.TestRecords.text;
import static dev.tributary.schemas.event.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.schemas.event.KafkaEvent.ContentMode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KafkaEventCodecTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String TRACESTATE = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";

    private final KafkaEventCodec codec = new KafkaEventCodec();

    @Nested
    class BinaryMode {

        @Test
        void headersBecomeAttributesAndTheValueTheData() {
            KafkaEvent decoded = codec.decode(record(null, utf8("{\"total\":12}"), binaryHeaders(
                    "ce_time", "2024-01-31T09:30:00+01:00", "ce_subject", "order-1",
                    "ce_dataschema", "https://example.com/order.json", "content-type", "application/json")));

            CloudEvent event = decoded.cloudEvent();
            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            assertThat(event.getId()).isEqualTo("order-1");
            assertThat(event.getSource()).isEqualTo(URI.create("/shop/checkout"));
            assertThat(event.getType()).isEqualTo("com.example.order.placed");
            assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2024-01-31T09:30:00+01:00"));
            assertThat(event.getSubject()).isEqualTo("order-1");
            assertThat(event.getDataSchema()).isEqualTo(URI.create("https://example.com/order.json"));
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(text(event.getData().toBytes())).isEqualTo("{\"total\":12}");
            assertThat(decoded.contentMode()).isEqualTo(ContentMode.BINARY);
        }

        @Test
        void theRecordCoordinatesAndHeadersAreKept() {
            KafkaEvent decoded = codec.decode(record(null, null, binaryHeaders("x-origin", "eu-west")));

            assertThat(decoded.topic()).isEqualTo(TOPIC);
            assertThat(decoded.partition()).isEqualTo(PARTITION);
            assertThat(decoded.offset()).isEqualTo(OFFSET);
            assertThat(text(decoded.headers().lastHeader("x-origin").value())).isEqualTo("eu-west");
            assertThat(decoded.headers().lastHeader("ce_id")).isNotNull();
        }

        @Test
        void aRecordWithoutValueIsAnEventWithoutData() {
            assertThat(codec.decode(record(null, null, binaryHeaders())).cloudEvent().getData()).isNull();
        }

        @Test
        void otherHeadersBecomeStringExtensions() {
            CloudEvent event = codec.decode(record(null, null, binaryHeaders("ce_region", "eu", "ce_attempt", "3")))
                    .cloudEvent();

            assertThat(event.getExtensionNames()).containsExactlyInAnyOrder("region", "attempt");
            assertThat(event.getExtension("attempt")).isEqualTo("3");
        }

        @Test
        void nonAsciiHeaderValuesAreDecoded() {
            CloudEvent event = codec.decode(record(null, null, binaryHeaders("ce_subject", "grüße",
                    "ce_region", "日本 \ud83d\ude00", "ce_source", "/läden/köln"))).cloudEvent();

            assertThat(event.getSubject()).isEqualTo("grüße");
            assertThat(event.getExtension("region")).isEqualTo("日本 \ud83d\ude00");
            assertThat(event.getSource()).isEqualTo(URI.create("/läden/köln"));
        }

        @Test
        void extensionNamesAtTheEdgesOfTheNamingRuleAreRead() {
            CloudEvent event = codec.decode(record(null, null, binaryHeaders("ce_abcdefghijklmnopqrst", "twenty",
                    "ce_a", "one", "ce_42", "digits"))).cloudEvent();

            assertThat(event.getExtension("abcdefghijklmnopqrst")).isEqualTo("twenty");
            assertThat(event.getExtension("a")).isEqualTo("one");
            assertThat(event.getExtension("42")).isEqualTo("digits");
        }

        @Test
        void timesKeepTheirOffsetAndFraction() {
            for (String time : new String[] {"2024-01-31T09:30:00Z", "2024-01-31T09:30:00.123456789+05:45",
                    "2024-02-29T23:59:59.5-00:30", "2024-01-31t09:30:00z", "2024-01-31T09:30+01:00"}) {
                CloudEvent event = codec.decode(record(null, null, binaryHeaders("ce_time", time))).cloudEvent();

                assertThat(event.getTime()).as(time).isEqualTo(OffsetDateTime.parse(time));
            }
        }

        @Test
        void eventsOfOneSourceEachGetTheirSource() {
            for (String source : new String[] {"/a", "/b", "/a", "https://example.com/a", "/a"}) {
                CloudEvent event = codec.decode(record(null, null, binaryHeaders("ce_source", source))).cloudEvent();

                assertThat(event.getSource()).isEqualTo(URI.create(source));
            }
        }

        @Test
        void specVersion03IsRead() {
            CloudEvent event = codec.decode(record(null, null, binaryHeaders(
                    "ce_specversion", "0.3", "ce_schemaurl", "https://example.com/order.json"))).cloudEvent();

            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V03);
            assertThat(event.getDataSchema()).isEqualTo(URI.create("https://example.com/order.json"));
        }
    }

    @Nested
    class StructuredMode {

        @Test
        void theJsonBodyIsTheEventAndJsonDataIsItsJsonText() {
            KafkaEvent decoded = codec.decode(structured("""
                    {"specversion":"1.0","id":"order-1","source":"/shop/checkout","type":"com.example.order.placed",
                     "time":"2024-01-31T09:30:00Z","datacontenttype":"application/json",
                     "data":{"total":12.50,"items":[1,2]}}
                    """));

            CloudEvent event = decoded.cloudEvent();
            assertThat(event.getId()).isEqualTo("order-1");
            assertThat(event.getSource()).isEqualTo(URI.create("/shop/checkout"));
            assertThat(event.getType()).isEqualTo("com.example.order.placed");
            assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2024-01-31T09:30:00Z"));
            assertThat(text(event.getData().toBytes())).isEqualTo("{\"total\":12.50,\"items\":[1,2]}");
            assertThat(decoded.contentMode()).isEqualTo(ContentMode.STRUCTURED);
        }

        @Test
        void dataBase64IsDecodedToBytes() {
            byte[] data = {0, 1, (byte) 0xff};
            CloudEvent event = codec.decode(structured(minimal(
                    "\"data_base64\":\"" + Base64.getEncoder().encodeToString(data) + "\""))).cloudEvent();

            assertThat(event.getData().toBytes()).containsExactly(data);
        }

        @Test
        void stringDataOfANonJsonContentTypeIsItsUtf8Text() {
            CloudEvent event = codec.decode(structured(minimal(
                    "\"datacontenttype\":\"text/plain\",\"data\":\"grüße\""))).cloudEvent();

            assertThat(event.getData().toBytes()).containsExactly(utf8("grüße"));
            assertThat(event.getDataContentType()).isEqualTo("text/plain");
        }

        @Test
        void extensionsKeepTheirJsonTypes() {
            CloudEvent event = codec.decode(structured(minimal(
                    "\"region\":\"eu\",\"attempt\":3,\"replayed\":true,\"dropped\":null"))).cloudEvent();

            assertThat(event.getExtension("region")).isEqualTo("eu");
            assertThat(event.getExtension("attempt")).isEqualTo(3);
            assertThat(event.getExtension("replayed")).isEqualTo(true);
            assertThat(event.getExtensionNames()).doesNotContain("dropped");
        }

        @Test
        void theContentTypeMatchesCaseInsensitivelyWithParameters() {
            KafkaEvent decoded = codec.decode(record(null, utf8(minimal("")),
                    header("content-type", "Application/CloudEvents+JSON ; charset=\"UTF-8\"")));

            assertThat(decoded.contentMode()).isEqualTo(ContentMode.STRUCTURED);
        }

        @Test
        void structuredModeWinsOverCloudEventsHeaders() {
            Header[] headers = binaryHeaders("ce_id", "from-header", "content-type", "application/cloudevents+json");

            KafkaEvent decoded = codec.decode(record(null, utf8(minimal("")), headers));

            assertThat(decoded.contentMode()).isEqualTo(ContentMode.STRUCTURED);
            assertThat(decoded.cloudEvent().getId()).isEqualTo("order-1");
        }
    }

    @Nested
    class PlainRecords {

        @Test
        void aPlainRecordIsAnEventNamedAfterItsCoordinates() {
            KafkaEvent decoded = codec.decode(record(utf8("device-7"), utf8("21.5"),
                    header("content-type", "text/plain"), header("x-origin", "eu-west")));

            CloudEvent event = decoded.cloudEvent();
            assertThat(event.getId()).isEqualTo("orders/3/42");
            assertThat(event.getSource()).isEqualTo(URI.create("kafka://orders"));
            assertThat(event.getType()).isEqualTo("dev.tributary.kafka.record")
                    .isEqualTo(KafkaEventCodec.PLAIN_RECORD_TYPE);
            assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2024-01-31T09:30:00Z"));
            assertThat(event.getDataContentType()).isEqualTo("text/plain");
            assertThat(text(event.getData().toBytes())).isEqualTo("21.5");
            assertThat(decoded.key()).contains(EventKey.ofUtf8("device-7"));
            assertThat(decoded.contentMode()).isEqualTo(ContentMode.PLAIN);
        }

        @Test
        void aRecordWithoutTimestampHasNoTime() {
            CloudEvent event = codec.decode(record(ConsumerRecord.NO_TIMESTAMP, null, utf8("x"))).cloudEvent();

            assertThat(event.getTime()).isNull();
        }

        @Test
        void aRecordWithoutContentTypeOrValueHasNeitherDataContentTypeNorData() {
            CloudEvent event = codec.decode(record(null, null)).cloudEvent();

            assertThat(event.getDataContentType()).isNull();
            assertThat(event.getData()).isNull();
        }
    }

    @Nested
    class Keys {

        @Test
        void thePartitionkeyExtensionIsTheKeyOverTheRecordKey() {
            KafkaEvent decoded = codec.decode(record(utf8("record-key"), null,
                    binaryHeaders("ce_partitionkey", "device-7")));

            assertThat(decoded.key()).contains(EventKey.ofUtf8("device-7"));
        }

        @Test
        void aStructuredPartitionkeyIsTheKeyToo() {
            KafkaEvent decoded = codec.decode(record(utf8("record-key"), utf8(minimal("\"partitionkey\":\"device-7\"")),
                    header("content-type", "application/cloudevents+json")));

            assertThat(decoded.key()).contains(EventKey.ofUtf8("device-7"));
        }

        @Test
        void withoutPartitionkeyTheRecordKeyIsTheKey() {
            byte[] key = {1, 2, (byte) 0xfe};

            assertThat(codec.decode(record(key, null, binaryHeaders())).key()).contains(EventKey.of(key));
        }

        @Test
        void withNeitherThereIsNoKey() {
            assertThat(codec.decode(record(null, null, binaryHeaders())).key()).isEmpty();
        }
    }

    @Nested
    class Encoding {

        @Test
        void eventsAreWrittenInBinaryMode() {
            CloudEvent event = event().withTime(OffsetDateTime.parse("2024-01-31T09:30:00Z")).build();

            ProducerRecord<byte[], byte[]> record = codec.encode("out", event);

            assertThat(record.topic()).isEqualTo("out");
            assertThat(headerText(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(headerText(record, "ce_id")).isEqualTo("order-1");
            assertThat(headerText(record, "ce_source")).isEqualTo("/shop/checkout");
            assertThat(headerText(record, "ce_type")).isEqualTo("com.example.order.placed");
            assertThat(headerText(record, "ce_time")).isEqualTo("2024-01-31T09:30:00Z");
            assertThat(headerText(record, "content-type")).isEqualTo("application/json");
            assertThat(record.headers().lastHeader("ce_datacontenttype")).isNull();
            assertThat(text(record.value())).isEqualTo("{\"total\":12}");
        }

        @Test
        void thePartitionkeyBecomesTheRecordKeyAndStaysAHeader() {
            CloudEvent event = event().withExtension("partitionkey", "device-7").build();

            ProducerRecord<byte[], byte[]> record = codec.encode("out", event);

            assertThat(record.key()).containsExactly(utf8("device-7"));
            assertThat(headerText(record, "ce_partitionkey")).isEqualTo("device-7");
        }

        @Test
        void withoutPartitionkeyTheRecordHasNoKey() {
            assertThat(codec.encode("out", event().build()).key()).isNull();
        }

        @Test
        void anEventWithoutDataIsARecordWithoutValue() {
            assertThat(codec.encode("out", event().withoutData().withoutDataContentType().build()).value()).isNull();
        }

        @Test
        void encodedEventsDecodeToEqualEvents() {
            CloudEvent event = event()
                    .withTime(OffsetDateTime.parse("2024-01-31T09:30:00.123+01:00"))
                    .withSubject("order-1")
                    .withDataSchema(URI.create("https://example.com/order.json"))
                    .withExtension("partitionkey", "device-7")
                    .withExtension("region", "eu")
                    .build();

            KafkaEvent decoded = codec.decode(consumed(codec.encode(TOPIC, event)));

            assertThat(decoded.cloudEvent()).isEqualTo(event);
            assertThat(decoded.key()).contains(EventKey.ofUtf8("device-7"));
        }

        @Test
        void traceparentAndTracestateRoundTripUnchanged() {
            CloudEvent event = event().withExtension("traceparent", TRACEPARENT).withExtension("tracestate", TRACESTATE)
                    .build();

            ProducerRecord<byte[], byte[]> record = codec.encode(TOPIC, event);
            CloudEvent decoded = codec.decode(consumed(record)).cloudEvent();

            assertThat(headerText(record, "ce_traceparent")).isEqualTo(TRACEPARENT);
            assertThat(headerText(record, "ce_tracestate")).isEqualTo(TRACESTATE);
            assertThat(decoded.getExtension("traceparent")).isEqualTo(TRACEPARENT);
            assertThat(decoded.getExtension("tracestate")).isEqualTo(TRACESTATE);
        }
    }

    @Test
    void theHeadersOfADecodedEventAreAReadOnlyCopy() {
        ConsumerRecord<byte[], byte[]> record = record(null, null, binaryHeaders());
        KafkaEvent decoded = codec.decode(record);

        record.headers().add("x-added-later", new byte[0]);

        assertThat(decoded.headers().lastHeader("x-added-later")).isNull();
        assertThatThrownBy(() -> decoded.headers().add("x", new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    private static CloudEventBuilder event() {
        return CloudEventBuilder.v1()
                .withId("order-1")
                .withSource(URI.create("/shop/checkout"))
                .withType("com.example.order.placed")
                .withData("application/json", utf8("{\"total\":12}"));
    }

    /** A structured event with the required members and {@code more}, JSON members without braces. */
    private static String minimal(String more) {
        return "{\"specversion\":\"1.0\",\"id\":\"order-1\",\"source\":\"/shop/checkout\","
                + "\"type\":\"com.example.order.placed\"" + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private static ConsumerRecord<byte[], byte[]> structured(String json) {
        return record(null, utf8(json), header("content-type", "application/cloudevents+json; charset=utf-8"));
    }

    private static String headerText(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return text(header.value());
    }
}
