package dev.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.sdk.FunctionTester;
import dev.tributary.sdk.Output;
import dev.tributary.sdk.TestEvent;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ForwardTest {

    @Test
    void emitsTheEventUnchangedToTheOutputTopic() throws Exception {
        TestEvent<byte[]> in = TestEvent.builder("{\"t\":21.5}".getBytes())
                .id("reading-1").source(URI.create("devices/d1")).type("com.example.reading")
                .key("d1").dataContentType("application/json").extension("partitionkey", "d1").build();

        try (FunctionTester<byte[]> tester = FunctionTester.of(new Forward()).outputTopic("out")) {
            FunctionTester.Result result = tester.send(in);

            assertThat(result.outputs()).singleElement().satisfies(emitted -> {
                Output out = emitted.output();
                assertThat(emitted.topic()).isEqualTo("out");
                assertThat(out.id()).contains("reading-1");
                assertThat(out.source()).contains(URI.create("devices/d1"));
                assertThat(out.type()).isEqualTo("com.example.reading");
                assertThat(out.key()).hasValueSatisfying(key -> assertThat(key).isEqualTo("d1".getBytes()));
                assertThat(out.encode("out")).isEqualTo(in.rawData());
                assertThat(out.dataContentType()).contains("application/json");
                assertThat(out.extensions()).containsEntry("partitionkey", "d1");
            });
        }
    }
}
