package dev.tributary.dispatcher.http;

import static dev.tributary.dispatcher.http.TestEvents.text;
import static dev.tributary.dispatcher.http.TestEvents.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.Output;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepliesTest {

    private static final String SITE = "function resize at http://127.0.0.1:8080/";

    private final Replies replies = new Replies(SITE);

    /** Response headers from pairs of name and value. */
    private static HttpHeaders headers(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], name -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static HttpHeaders binary(String... more) {
        String[] required = {"ce-specversion", "1.0", "ce-id", "r1", "ce-source", "/resizer", "ce-type",
                "com.example.resized"};
        String[] all = new String[required.length + more.length];
        System.arraycopy(required, 0, all, 0, required.length);
        System.arraycopy(more, 0, all, required.length, more.length);
        return headers(all);
    }

    private NonRetryableException failure(HttpHeaders headers, String body) {
        Throwable error = catchThrowable(() -> replies.read(headers, utf8(body)));
        assertThat(error).isInstanceOf(NonRetryableException.class).hasMessageStartingWith(SITE + " replied with ");
        return (NonRetryableException) error;
    }

    @Test
    void binaryModeReadsAttributesFromCeHeadersAndDataFromTheBody() {
        HttpHeaders headers = binary("ce-subject", "caf%C3%A9", "ce-time", "2024-01-31T09:30:00Z",
                "ce-dataschema", "https://example.com/thumb", "ce-traceparent", "00-abc-def-01",
                "Content-Type", "image/png");

        assertThat(replies.carriesEvents(headers)).isTrue();
        List<Output> outputs = replies.read(headers, utf8("png bytes"));

        assertThat(outputs).singleElement().satisfies(output -> {
            assertThat(output.id()).contains("r1");
            assertThat(output.source()).contains(URI.create("/resizer"));
            assertThat(output.type()).isEqualTo("com.example.resized");
            assertThat(output.subject()).contains("café");
            assertThat(output.time()).contains(OffsetDateTime.parse("2024-01-31T09:30:00Z"));
            assertThat(output.dataSchema()).contains(URI.create("https://example.com/thumb"));
            assertThat(output.extensions()).containsExactlyEntriesOf(Map.of("traceparent", "00-abc-def-01"));
            assertThat(output.dataContentType()).contains("image/png");
            assertThat(text(output.encode("out"))).isEqualTo("png bytes");
            assertThat(output.key()).as("no partitionkey: the input's key applies").isEmpty();
        });
    }

    @Test
    void binaryModeWithAnEmptyBodyIsAnEventWithoutData() {
        assertThat(replies.read(binary(), new byte[0])).singleElement()
                .satisfies(output -> assertThat(output.encode("out")).isNull());
    }

    @Test
    void aPartitionKeyBecomesTheOutputsKey() {
        assertThat(replies.read(binary("ce-partitionkey", "device%207"), new byte[0])).singleElement()
                .satisfies(output -> assertThat(output.key()).hasValueSatisfying(
                        key -> assertThat(text(key)).isEqualTo("device 7")));
    }

    @Test
    void structuredModeReadsOneJsonEvent() {
        HttpHeaders headers = headers("Content-Type", "application/cloudevents+json; charset=UTF-8");
        String body = """
                {"specversion": "1.0", "id": "r1", "source": "/resizer", "type": "com.example.resized",
                 "datacontenttype": "application/json", "data": {"width": 64, "scale": 1.50},
                 "flag": true, "partitionkey": "k1"}
                """;

        List<Output> outputs = replies.read(headers, utf8(body));

        assertThat(outputs).singleElement().satisfies(output -> {
            assertThat(output.id()).contains("r1");
            assertThat(output.type()).isEqualTo("com.example.resized");
            assertThat(output.dataContentType()).contains("application/json");
            assertThat(text(output.encode("out"))).isEqualTo("{\"width\":64,\"scale\":1.50}");
            assertThat(output.extensions()).containsEntry("flag", "true");
            assertThat(output.key()).hasValueSatisfying(key -> assertThat(text(key)).isEqualTo("k1"));
        });
    }

    @Test
    void batchModeReadsEachEventOfTheArray() {
        HttpHeaders headers = headers("Content-Type", "application/cloudevents-batch+json");
        String body = """
                [{"specversion": "1.0", "id": "r1", "source": "/resizer", "type": "com.example.resized",
                  "datacontenttype": "text/plain", "data": "small"},
                 {"specversion": "1.0", "id": "r2", "source": "/resizer", "type": "com.example.resized",
                  "data_base64": "bGFyZ2U="}]
                """;

        List<Output> outputs = replies.read(headers, utf8(body));

        assertThat(outputs).extracting(output -> output.id().orElseThrow()).containsExactly("r1", "r2");
        assertThat(outputs).extracting(output -> text(output.encode("out"))).containsExactly("small", "large");
    }

    @Test
    void anEmptyBatchHasNoEvents() {
        assertThat(replies.read(headers("Content-Type", "application/cloudevents-batch+json"), utf8("[]"))).isEmpty();
    }

    @Test
    void aReplyWithoutCeHeadersThatIsNeitherStructuredNorBatchHasNoEvents() {
        HttpHeaders headers = headers("Content-Type", "application/json", "ce_id", "underscores are Kafka's");

        assertThat(replies.carriesEvents(headers)).isFalse();
        assertThat(replies.read(headers, utf8("{\"status\": \"ok\"}"))).isEmpty();
    }

    @Test
    void anInvalidStructuredEventIsNotRetryableAndNamesTheProblem() {
        NonRetryableException error = failure(headers("Content-Type", "application/cloudevents+json"),
                "{\"specversion\": \"1.0\", \"source\": \"/resizer\", \"type\": \"t\"}");

        assertThat(error).hasMessageContaining("application/cloudevents+json: the body is not a valid CloudEvent")
                .hasMessageContaining("Missing mandatory id attribute");
    }

    @Test
    void aStructuredBodyThatIsNotJsonNamesLineAndColumn() {
        NonRetryableException error = failure(headers("Content-Type", "application/cloudevents+json"),
                "{\"specversion\": \"1.0\",\n oops}");

        assertThat(error).hasMessageContaining("whose body is not JSON").hasMessageContaining("(line 2, column ");
        assertThat(error.getMessage()).doesNotContain("\n");
    }

    @Test
    void anEmptyStructuredBodyIsNotAnEvent() {
        assertThat(failure(headers("Content-Type", "application/cloudevents+json"), ""))
                .hasMessageContaining("application/cloudevents+json with an empty body");
    }

    @Test
    void aBatchThatIsNotAnArrayOfEventsNamesTheProblem() {
        HttpHeaders batch = headers("Content-Type", "application/cloudevents-batch+json");

        assertThat(failure(batch, "{\"specversion\": \"1.0\"}")).hasMessageContaining("is an object, not a JSON array");
        String valid = "{\"specversion\": \"1.0\", \"id\": \"r1\", \"source\": \"/s\", \"type\": \"t\"}";
        assertThat(failure(batch, "[" + valid + ", 3]"))
                .hasMessageContaining("event [1] of the batch is a number, not a JSON object");
        assertThat(failure(batch, "[{\"specversion\": \"9.9\", \"id\": \"r1\", \"source\": \"/s\", \"type\": \"t\"}]"))
                .hasMessageContaining("event [0] of the batch is not a valid CloudEvent: Invalid specversion: 9.9");
    }

    @Test
    void anInvalidBinaryEventNamesTheHeader() {
        assertThat(failure(headers("ce-specversion", "1.0", "ce-source", "/s", "ce-type", "t"), ""))
                .hasMessageContaining("header ce-id: missing");
        assertThat(failure(binary("ce-time", "yesterday"), ""))
                .hasMessageContaining("header ce-time: 'yesterday' is not an RFC 3339 timestamp");
        assertThat(failure(binary("ce-subject", "50% off"), ""))
                .hasMessageContaining("header ce-subject: '%' at index 2");
        assertThat(failure(binary("ce-Bad_Name", "x"), ""))
                .hasMessageContaining("header ce-bad_name: is not a CloudEvents attribute name");
        assertThat(failure(headers("ce-specversion", "2.0", "ce-id", "r1"), ""))
                .hasMessageContaining("header ce-specversion: '2.0' is not a CloudEvents spec version");
    }
}
