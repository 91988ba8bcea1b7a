package dev.tributary.ingest.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.testing.RequestFuzzer;
import dev.tributary.ingest.testing.TestSettings;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random requests through the same router the server uses: whatever a client sends, the answer is a
 * 2xx or a 4xx with an {@code error} that says what is wrong, never a 5xx, and the adapter keeps working.
 */
class RequestFuzzTest {

    private static final long SEED = 20_250_301L;
    private static final int CASES = 5_000;

    @Test
    void randomRequestsGetA4xxOrA2xxNeverA5xxAndTheAdapterStaysHealthy() {
        RouterHarness harness = new RouterHarness(TestSettings.builder("").keyPointer("/deviceId").build());
        RequestFuzzer fuzzer = new RequestFuzzer(SEED, TestSettings.KEY_ALL, TestSettings.KEY_TELEMETRY);
        Map<Integer, Integer> statuses = new TreeMap<>();

        for (int i = 0; i < CASES; i++) {
            RequestFuzzer.Request request = fuzzer.next();
            Reply reply = harness.send(request.method(), request.path(), request.headers(), request.body());

            assertThat(reply.status()).as("case %d: %s -> %s", i, request, reply.body()).isBetween(200, 499);
            if (reply.status() >= 400) {
                assertThat(reply.errorMessage()).as("case %d: %s", i, request).isNotBlank();
            }
            statuses.merge(reply.status(), 1, Integer::sum);
        }

        assertThat(statuses).as("the fuzzer reaches every check: %s", statuses)
                .containsKeys(202, 400, 401, 403, 404, 405, 415);
        assertThat(statuses.get(202) + statuses.get(400)).as("most requests get past the headers: %s", statuses)
                .isGreaterThan(CASES / 4);
        assertThat(harness.send("GET", "/health/live", Map.of(), new byte[0]).status()).isEqualTo(200);
        assertThat(harness.post("/events", Map.of("X-Api-Key", TestSettings.KEY_ALL,
                        "Content-Type", "application/cloudevents+json"),
                "{\"specversion\":\"1.0\",\"id\":\"after\",\"source\":\"/s\",\"type\":\"t\","
                        + "\"data\":{\"deviceId\":\"d-9\"}}").status())
                .as("a valid request after the fuzzing").isEqualTo(202);
    }
}
