package dev.tributary.ingest.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP binding's content modes, with the codec's rules for what a valid event is. */
class CloudEventReaderTest {

    private final CloudEventReader reader = new CloudEventReader();

    private static MultiMap binaryHeaders(String... more) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("ce-specversion", "1.0").add("Ce-Id", "1")
                .add("CE-SOURCE", "/s").add("ce-type", "t");
        for (int i = 0; i < more.length; i += 2) {
            headers.add(more[i], more[i + 1]);
        }
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void binaryModeHeadersAreCaseInsensitiveAndPercentDecodedAndAnEmptyBodyIsNoData() {
        CloudEvent event = reader.binary(binaryHeaders("ce-subject", "100%25%20caf\u00c3\u00a9",
                "ce-traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), new byte[0]);

        assertThat(event.getId()).isEqualTo("1");
        assertThat(event.getSubject()).as("percent-encoded, and raw UTF-8 taken as such").isEqualTo("100% café");
        assertThat(event.getExtension("traceparent")).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(event.getData()).isNull();
    }

    @Test
    void binaryModeProblemsNameTheHttpHeader() {
        assertThatThrownBy(() -> reader.binary(MultiMap.caseInsensitiveMultiMap().add("ce-id", "1"), new byte[0]))
                .hasMessageStartingWith("header ce-specversion: missing");
        assertThatThrownBy(() -> reader.binary(MultiMap.caseInsensitiveMultiMap().add("ce-specversion", "1.0")
                .add("ce-id", "1").add("ce-type", "t"), new byte[0]))
                .hasMessageStartingWith("header ce-source: missing");
        assertThatThrownBy(() -> reader.binary(binaryHeaders("ce-specversion", "1.0"), new byte[0]))
                .hasMessageStartingWith("header ce-specversion: appears 2 times");
        assertThatThrownBy(() -> reader.binary(binaryHeaders("ce-subject", "%zz"), new byte[0]))
                .hasMessageStartingWith("header ce-subject: '%' at index 0");
        assertThatThrownBy(() -> reader.binary(binaryHeaders("ce-Bad_Name", "x"), new byte[0]))
                .hasMessageStartingWith("header ce-bad_name: 'bad_name' is not a CloudEvents attribute name");
        assertThatThrownBy(() -> reader.binary(binaryHeaders("ce-dataschema", "a b"), new byte[0]))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("header ce-dataschema: 'a b' is not a URI reference");
    }

    @Test
    void aStructuredEventWithJsonDataAndNoContentTypeIsMarkedJson() {
        CloudEvent event = reader.structured("application/cloudevents+json", utf8(
                "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data\":[1,2.50]}"));

        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("[1,2.50]");
    }

    @Test
    void aStructuredEventWithBase64DataKeepsItsBytesAndHasNoContentTypeAdded() {
        CloudEvent event = reader.structured("application/cloudevents+json", utf8(
                "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data_base64\":\"AP8=\"}"));

        assertThat(event.getData().toBytes()).containsExactly(0, 0xff);
        assertThat(event.getDataContentType()).isNull();
    }

    @Test
    void structuredProblemsNameTheMember() {
        assertThatThrownBy(() -> reader.structured("application/cloudevents+json", utf8("{\"id\":")))
                .hasMessageStartingWith("body: not valid JSON");
        assertThatThrownBy(() -> reader.structured("application/cloudevents+json", utf8("[]")))
                .hasMessageStartingWith("body: is an array, not a JSON object");
        assertThatThrownBy(() -> reader.structured("application/cloudevents+json", new byte[0]))
                .hasMessageStartingWith("body: empty");
        assertThatThrownBy(() -> reader.structured("application/cloudevents+json", utf8(
                "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"n\":1.5}")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("body attribute n:");
    }

    @Test
    void aBatchGivesEachMemberItsEventOrItsProblem() {
        List<CloudEventReader.BatchEntry> entries = reader.batch(utf8("[{\"specversion\":\"1.0\",\"id\":\"a\","
                + "\"source\":\"/s\",\"type\":\"t\"},{\"specversion\":\"1.0\",\"id\":\"b\",\"type\":\"t\"},\"x\"]"));

        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).event()).hasValueSatisfying(event -> assertThat(event.getId()).isEqualTo("a"));
        assertThat(entries.get(1).id()).hasValue("b");
        assertThat(entries.get(1).problem()).hasValueSatisfying(problem -> {
            assertThat(problem.getMessage()).startsWith("event [1]: body attribute source: missing");
            assertThat(problem.attribute()).hasValue("source");
        });
        assertThat(entries.get(2).problem()).hasValueSatisfying(problem ->
                assertThat(problem.getMessage()).isEqualTo("event [2]: is a string, not a JSON object"));
    }
}
