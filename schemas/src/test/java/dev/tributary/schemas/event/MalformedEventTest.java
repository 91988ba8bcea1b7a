package dev.tributary.schemas.event;

import static dev.tributary.schemas.event.TestRecords.binaryHeaders;
import static dev.tributary.schemas.event.TestRecords.header;
import static dev.tributary.schemas.event.TestRecords.record;
import static dev.tributary.schemas.event.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every way a record can claim to be a CloudEvent and fail, with the exact reason a dead-letter record carries. */
class MalformedEventTest {

    private final KafkaEventCodec codec = new KafkaEventCodec();

    @Nested
    class BinaryMode {

        @Test
        void cloudEventsHeadersWithoutSpecVersion() {
            assertMalformed(record(null, null, binaryHeaders("ce_specversion", null)),
                    "ce_specversion", "specversion",
                    "header ce_specversion: missing, but the record has CloudEvents headers ce_id, ce_source, ce_type; "
                            + "add ce_specversion: 1.0, or remove the ce_ headers to read it as a plain Kafka record");
        }

        @Test
        void unknownSpecVersion() {
            assertMalformed(record(null, null, binaryHeaders("ce_specversion", "0.1")), "ce_specversion", "specversion",
                    "header ce_specversion: '0.1' is not a CloudEvents spec version this codec reads (1.0, 0.3)");
        }

        @Test
        void timeThatIsNotAnRfc3339Timestamp() {
            assertMalformed(record(null, null, binaryHeaders("ce_time", "2024-13-01")), "ce_time", "time",
                    "header ce_time: '2024-13-01' is not an RFC 3339 timestamp, e.g. 2024-01-31T09:30:00Z");
        }

        @Test
        void missingId() {
            assertMalformed(record(null, null, binaryHeaders("ce_id", null)), "ce_id", "id",
                    "header ce_id: missing; every CloudEvent needs the headers ce_id, ce_source and ce_type");
        }

        @Test
        void missingSource() {
            assertMalformed(record(null, null, binaryHeaders("ce_source", null)), "ce_source", "source",
                    "header ce_source: missing; every CloudEvent needs the headers ce_id, ce_source and ce_type");
        }

        @Test
        void missingType() {
            assertMalformed(record(null, null, binaryHeaders("ce_type", null)), "ce_type", "type",
                    "header ce_type: missing; every CloudEvent needs the headers ce_id, ce_source and ce_type");
        }

        @Test
        void emptyId() {
            assertMalformed(record(null, null, binaryHeaders("ce_id", "")), "ce_id", "id",
                    "header ce_id: is empty; a CloudEvent's id is a non-empty string");
        }

        @Test
        void sourceThatIsNotAUriReference() {
            assertMalformed(record(null, null, binaryHeaders("ce_source", "shop checkout")), "ce_source", "source",
                    "header ce_source: 'shop checkout' is not a URI reference (RFC 3986): "
                            + "Illegal character in path at index 4");
        }

        @Test
        void headerValueThatIsNotUtf8() {
            Header[] headers = binaryHeaders();
            headers[1] = new RecordHeader("ce_id", new byte[] {'o', 'k', (byte) 0xff});

            assertMalformed(record(null, null, headers), "ce_id", "id",
                    "header ce_id: is not UTF-8, as the CloudEvents Kafka binding requires: "
                            + "malformed UTF-8 at byte offset 2 (0xff)");
        }

        @Test
        void headerValueThatIsNotUtf8AfterOtherText() {
            Header[] headers = binaryHeaders();
            headers[1] = new RecordHeader("ce_id", new byte[] {(byte) 0xc3, (byte) 0xbc, 'x', (byte) 0xc3, 'y'});

            assertMalformed(record(null, null, headers), "ce_id", "id",
                    "header ce_id: is not UTF-8, as the CloudEvents Kafka binding requires: "
                            + "malformed UTF-8 at byte offset 3 (0xc3)");
        }

        @Test
        void extensionValueThatIsNotUtf8() {
            Header[] headers = Arrays.copyOf(binaryHeaders(), 5);
            headers[4] = new RecordHeader("ce_region", new byte[] {'e', 'u', (byte) 0xed, (byte) 0xa0, (byte) 0x80});

            assertMalformed(record(null, null, headers), "ce_region", "region",
                    "header ce_region: is not UTF-8, as the CloudEvents Kafka binding requires: "
                            + "malformed UTF-8 at byte offset 2 (0xed)");
        }

        @Test
        void headerWithoutValue() {
            Header[] headers = binaryHeaders();
            headers[1] = new RecordHeader("ce_id", null);

            assertMalformed(record(null, null, headers), "ce_id", "id",
                    "header ce_id: has no value; send the attribute's value or leave the header out");
        }

        @Test
        void repeatedHeader() {
            Header[] headers = binaryHeaders();
            Header[] repeated = Arrays.copyOf(headers, headers.length + 1);
            repeated[headers.length] = header("ce_id", "order-2");

            assertMalformed(record(null, null, repeated), "ce_id", "id",
                    "header ce_id: appears more than once; a CloudEvents attribute has one value");
        }

        @Test
        void repeatedExtension() {
            assertMalformed(record(null, null, with(binaryHeaders("ce_region", "eu"), header("ce_region", "us"))),
                    "ce_region", "region",
                    "header ce_region: appears more than once; a CloudEvents attribute has one value");
        }

        @Test
        void repeatedHeaderAmongMany() {
            Header[] headers = binaryHeaders();
            for (int i = 0; i < 30; i++) {
                headers = with(headers, header("ce_x" + i, "v"));
            }

            assertMalformed(record(null, null, with(headers, header("ce_x25", "again"))), "ce_x25", "x25",
                    "header ce_x25: appears more than once; a CloudEvents attribute has one value");
        }

        @Test
        void aRepeatedHeaderIsNotUtf8BeforeItIsRepeated() {
            Header[] headers = with(binaryHeaders(), new RecordHeader("ce_id", new byte[] {(byte) 0xff}));

            assertMalformed(record(null, null, headers), "ce_id", "id",
                    "header ce_id: is not UTF-8, as the CloudEvents Kafka binding requires: "
                            + "malformed UTF-8 at byte offset 0 (0xff)");
        }

        @Test
        void headerProblemsComeBeforeMissingAttributesAndThoseBeforeBadValues() {
            Header[] badTimeThenRepeated = with(binaryHeaders("ce_time", "never"), header("ce_type", "again"));
            Header[] badTimeWithoutId = binaryHeaders("ce_time", "never", "ce_id", null);

            assertMalformed(record(null, null, badTimeThenRepeated), "ce_type", "type",
                    "header ce_type: appears more than once; a CloudEvents attribute has one value");
            assertMalformed(record(null, null, badTimeWithoutId), "ce_id", "id",
                    "header ce_id: missing; every CloudEvent needs the headers ce_id, ce_source and ce_type");
        }

        @Test
        void extensionNameOfMoreThan20Characters() {
            assertMalformed(record(null, null, binaryHeaders("ce_abcdefghijklmnopqrstu", "x")),
                    "ce_abcdefghijklmnopqrstu", "abcdefghijklmnopqrstu",
                    "header ce_abcdefghijklmnopqrstu: 'abcdefghijklmnopqrstu' is not a CloudEvents attribute name: "
                            + "use 1 to 20 lowercase letters a-z and digits 0-9");
        }

        @Test
        void emptyExtensionName() {
            assertMalformed(record(null, null, binaryHeaders("ce_", "x")), "ce_", "",
                    "header ce_: '' is not a CloudEvents attribute name: use 1 to 20 lowercase letters a-z and digits "
                            + "0-9");
        }

        @Test
        void extensionNameWithALetterThatLowercasesToAscii() {
            assertMalformed(record(null, null, binaryHeaders("ce_\u212a", "x")), "ce_\u212a", "\u212a",
                    "header ce_\u212a: '\u212a' is not a CloudEvents attribute name: use 1 to 20 lowercase letters a-z "
                            + "and digits 0-9");
        }

        @Test
        void extensionNameThatBreaksTheNamingRule() {
            assertMalformed(record(null, null, binaryHeaders("ce_Trace-Parent", "x")),
                    "ce_Trace-Parent", "Trace-Parent",
                    "header ce_Trace-Parent: 'Trace-Parent' is not a CloudEvents attribute name: "
                            + "use 1 to 20 lowercase letters a-z and digits 0-9");
        }

        @Test
        void headerNamesInMessagesAreEscaped() {
            MalformedEventException e = decodeFailure(record(null, null, binaryHeaders("ce_a\nb", "x")));

            assertThat(e.getMessage()).startsWith("header ce_a\\u000ab: 'a\\u000ab' is not a CloudEvents attribute");
            assertThat(e.header()).contains("ce_a\nb");
        }

        @Test
        void valuesInMessagesAreCutAndEscaped() {
            String value = "line\n" + "x".repeat(200);

            MalformedEventException e = decodeFailure(record(null, null, binaryHeaders("ce_time", value)));

            assertThat(e.getMessage()).startsWith("header ce_time: 'line\\u000a" + "x".repeat(95) + "...' is not")
                    .doesNotContain("\n");
        }
    }

    @Nested
    class ContentType {

        @Test
        void structuredFormatOtherThanJson() {
            assertMalformed(record(null, utf8("..."), header("content-type", "application/cloudevents+avro")),
                    "content-type", null,
                    "header content-type: 'application/cloudevents+avro' is a CloudEvents format this codec does not "
                            + "read; send binary mode, or structured mode as application/cloudevents+json");
        }

        @Test
        void contentTypeThatIsNotUtf8() {
            Header contentType = new RecordHeader("content-type", new byte[] {'t', 'e', 'x', 't', (byte) 0xc3});

            assertMalformed(record(null, utf8("x"), contentType), "content-type", null,
                    "header content-type: is not UTF-8, as the CloudEvents Kafka binding requires: "
                            + "malformed UTF-8 at byte offset 4 (0xc3)");
        }

        @Test
        void structuredCharsetOtherThanUtf8() {
            Header contentType = header("content-type", "application/cloudevents+json; charset=latin1");

            assertMalformed(record(null, utf8("{}"), contentType),
                    "content-type", null,
                    "header content-type: charset 'latin1' is not supported; a structured CloudEvent is JSON in UTF-8 "
                            + "(RFC 8259)");
        }
    }

    @Nested
    class StructuredMode {

        @Test
        void bodyThatIsNotJson() {
            assertStructuredMalformed("{\"id\": }", null,
                    "body: not valid JSON: Unexpected character ('}' (code 125)): expected a value "
                            + "at line 1, column 8");
        }

        @Test
        void bodyWithARepeatedMember() {
            assertStructuredMalformed("{\"id\":\"a\",\"id\":\"b\"}", null,
                    "body: not valid JSON: Duplicate field 'id' at line 1, column 15");
        }

        @Test
        void missingBody() {
            assertMalformed(record(null, null, header("content-type", "application/cloudevents+json")), null, null,
                    "body: missing; a structured CloudEvent is a JSON object in the record value");
        }

        @Test
        void emptyBody() {
            assertStructuredMalformed("", null,
                    "body: is empty, not a JSON object; a structured CloudEvent is a JSON object");
        }

        @Test
        void bodyThatIsNotAnObject() {
            assertStructuredMalformed("[1, 2]", null,
                    "body: is an array, not a JSON object; a structured CloudEvent is a JSON object");
        }

        @Test
        void missingSpecVersion() {
            assertStructuredMalformed("{\"id\":\"1\"}", "specversion",
                    "body attribute specversion: missing; a structured CloudEvent has \"specversion\": \"1.0\"");
        }

        @Test
        void missingRequiredAttribute() {
            assertStructuredMalformed("{\"specversion\":\"1.0\",\"id\":\"1\",\"type\":\"t\"}", "source",
                    "body attribute source: missing; every CloudEvent needs the members id, source and type");
        }

        @Test
        void attributeThatIsNotAString() {
            assertStructuredMalformed(minimal("\"time\":1706693400"), "time",
                    "body attribute time: is a number; it must be a JSON string");
        }

        @Test
        void timeThatIsNotAnRfc3339Timestamp() {
            assertStructuredMalformed(minimal("\"time\":\"2024-13-01\""), "time",
                    "body attribute time: '2024-13-01' is not an RFC 3339 timestamp, e.g. 2024-01-31T09:30:00Z");
        }

        @Test
        void dataAndDataBase64Together() {
            assertStructuredMalformed(minimal("\"data\":\"a\",\"data_base64\":\"YQ==\""), "data_base64",
                    "body attribute data_base64: present together with data; a CloudEvent has one or the other");
        }

        @Test
        void dataBase64ThatIsNotBase64() {
            assertStructuredMalformed(minimal("\"data_base64\":\"not base64!\""), "data_base64",
                    "body attribute data_base64: is not base64 (RFC 4648): Illegal base64 character 20");
        }

        @Test
        void nonStringDataOfANonJsonContentType() {
            assertStructuredMalformed(minimal("\"datacontenttype\":\"text/xml\",\"data\":{\"a\":1}"), "data",
                    "body attribute data: is an object, but datacontenttype 'text/xml' is not JSON; "
                            + "send such data as a JSON string or as data_base64");
        }

        @Test
        void extensionThatIsNotAStringBooleanOrInteger() {
            assertStructuredMalformed(minimal("\"ratio\":0.5"), "ratio",
                    "body attribute ratio: is a number; an extension attribute is a JSON string, boolean or integer "
                            + "of 32 bits");
        }
    }

    private static Header[] with(Header[] headers, Header more) {
        Header[] with = Arrays.copyOf(headers, headers.length + 1);
        with[headers.length] = more;
        return with;
    }

    private void assertStructuredMalformed(String json, String attribute, String message) {
        assertMalformed(record(null, utf8(json), header("content-type", "application/cloudevents+json")),
                null, attribute, message);
    }

    private void assertMalformed(ConsumerRecord<byte[], byte[]> record, String header, String attribute,
                                 String message) {
        MalformedEventException e = decodeFailure(record);

        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.header()).isEqualTo(Optional.ofNullable(header));
        assertThat(e.attribute()).isEqualTo(Optional.ofNullable(attribute));
        assertThat(message).endsWith(e.problem());
    }

    private MalformedEventException decodeFailure(ConsumerRecord<byte[], byte[]> record) {
        MalformedEventException e = catchThrowableOfType(MalformedEventException.class, () -> codec.decode(record));
        assertThat(e).as("decoding %s fails", record).isNotNull();
        return e;
    }

    private static String minimal(String more) {
        return "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"," + more + "}";
    }
}
