package dev.tributary.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FunctionTesterTest {

    /** Upper-cases text events; fails on empty ones, which no retry can fix. */
    static final class Shout implements EventFunction<String> {
        final List<String> lifecycle = new ArrayList<>();
        String suffix = "";

        @Override
        public void open(FunctionConfig config) {
            lifecycle.add("open");
            suffix = config.string("suffix").orElse("");
        }

        @Override
        public void handle(Event<String> event, Context context) {
            if (event.data().isEmpty()) {
                throw new NonRetryableException("empty text");
            }
            context.metrics().increment("shouted");
            context.emit(Output.ofType("shout").key(event.keyAsString().orElse(null)).text(event.data().toUpperCase() + suffix).build());
        }

        @Override
        public void close() {
            lifecycle.add("close");
        }
    }

    @Test
    void recordsOutputsFailuresAndMetricsAndOpensAndClosesOnce() throws Exception {
        Shout shout = new Shout();
        try (FunctionTester<String> tester = FunctionTester.of(shout).outputTopic("loud").config(Map.of("suffix", "!"))) {
            FunctionTester.Result ok = tester.send(TestEvent.builder("hello").key("k1").build());
            FunctionTester.Result failed = tester.send("");

            assertThat(ok.succeeded()).isTrue();
            assertThat(ok.outputs()).singleElement().satisfies(emitted -> {
                assertThat(emitted.topic()).isEqualTo("loud");
                assertThat(new String(emitted.output().encode("loud"), StandardCharsets.UTF_8)).isEqualTo("HELLO!");
                assertThat(emitted.output().key()).hasValueSatisfying(k -> assertThat(new String(k, StandardCharsets.UTF_8)).isEqualTo("k1"));
            });
            assertThat(failed.failure()).containsInstanceOf(NonRetryableException.class);
            assertThat(failed.retryable()).isFalse();
            assertThat(tester.outputs()).hasSize(1);
            assertThat(tester.failures()).hasSize(1);
            assertThat(tester.counter("shouted")).isEqualTo(1);
        }
        assertThat(shout.lifecycle).containsExactly("open", "close");
    }

    @Test
    void whatAFunctionsCloseThrowsComesOutOfTheTestersCloseWrapped() {
        EventFunction<String> leaky = new EventFunction<>() {
            @Override
            public void handle(Event<String> event, Context context) {
            }

            @Override
            public void close() throws Exception {
                throw new java.io.IOException("connection pool still busy");
            }
        };
        FunctionTester<String> tester = FunctionTester.of(leaky).functionName("leaky");
        tester.send("x");

        assertThatThrownBy(tester::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("close() of leaky failed: connection pool still busy")
                .hasCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void emittingWithoutAnOutputTopicFailsAsItWouldInTributary() throws Exception {
        try (FunctionTester<String> tester = FunctionTester.of(new Shout())) {
            FunctionTester.Result result = tester.send("hi");

            assertThat(result.failure()).containsInstanceOf(IllegalStateException.class);
            assertThat(result.failure().orElseThrow()).hasMessageContaining("no output topic");
            assertThat(result.retryable()).isTrue();
        }
    }

    @Test
    void asyncFunctionsAreAwaitedAndTheirFailuresUnwrapped() throws Exception {
        AsyncEventFunction<byte[]> fails = (event, context) ->
                CompletableFuture.failedFuture(new RetryableException("busy"));
        try (FunctionTester<byte[]> tester = FunctionTester.of(fails)) {
            FunctionTester.Result result = tester.send(new byte[] {1});

            assertThat(result.failure()).containsInstanceOf(RetryableException.class);
            assertThat(result.retryable()).isTrue();
        }
    }

    @Test
    void copyOfForwardsAnEventUnchanged() throws Exception {
        EventFunction<byte[]> forward = (event, context) -> context.emit(Output.copyOf(event));
        TestEvent<byte[]> in = TestEvent.builder(new byte[] {7, 8}).id("e1").type("t").key("k")
                .dataContentType("application/octet-stream").extension("traceparent", "00-abc-def-01").build();
        try (FunctionTester<byte[]> tester = FunctionTester.of(forward).outputTopic("out")) {
            Output out = tester.send(in).outputs().getFirst().output();

            assertThat(out.id()).contains("e1");
            assertThat(out.type()).isEqualTo("t");
            assertThat(out.encode("out")).containsExactly(7, 8);
            assertThat(out.key()).hasValueSatisfying(k -> assertThat(k).containsExactly('k'));
            assertThat(out.dataContentType()).contains("application/octet-stream");
            assertThat(out.extensions()).containsEntry("traceparent", "00-abc-def-01");
        }
    }
}
