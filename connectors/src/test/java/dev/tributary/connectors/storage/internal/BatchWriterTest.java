package dev.tributary.connectors.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.connectors.storage.InMemoryStore;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.RetryableException;
import dev.tributary.sdk.TestEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Batching per partition, the names of objects, and what failed writes and their retries do; no real store. */
class BatchWriterTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final InMemoryStore store = new InMemoryStore();
    private BatchWriter writer;

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
    }

    private BatchWriter writer(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(Map.of("bucket", "archive", "prefix", "raw",
                "accessKeyId", "key", "secretAccessKey", "secret", "maxAge", "1h"));
        config.putAll(settings);
        writer = new BatchWriter(StorageSettings.read(new FunctionConfig("archive", config)), store,
                Clock.systemUTC());
        return writer;
    }

    private static TestEvent<byte[]> event(int partition, long offset) {
        return event(partition, offset, "{\"seq\":" + offset + "}");
    }

    private static TestEvent<byte[]> event(int partition, long offset, String json) {
        return TestEvent.builder(json.getBytes(StandardCharsets.UTF_8))
                .id("e-" + partition + "-" + offset)
                .topic("readings")
                .partition(partition)
                .offset(offset)
                .key("d-1")
                .dataContentType("application/json")
                .build();
    }

    private CompletableFuture<Void> add(int partition, long offset) {
        return writer.add(event(partition, offset), Instant.now().plusSeconds(60));
    }

    private static String name(int partition, long first, long last) {
        return String.format("raw/readings/%d/%019d-%019d.jsonl", partition, first, last);
    }

    private static Throwable failureOf(CompletableFuture<Void> future) {
        try {
            future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
        }
        throw new AssertionError("the event did not fail");
    }

    @Test
    void aBatchAtMaxRecordsIsOneObjectNamedByItsPartitionAndItsFirstAndLastOffset() {
        writer(Map.of("maxRecords", 3));
        List<CompletableFuture<Void>> done = List.of(add(0, 10), add(0, 11), add(0, 12));

        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(store.names()).containsExactly(name(0, 10, 12));
        InMemoryStore.Put put = store.puts().get(0);
        assertThat(put.contentType()).isEqualTo("application/x-ndjson");
        assertThat(put.lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{\"specversion\":\"1.0\""));
        assertThat(put.text()).endsWith("}\n");
    }

    @Test
    void anEventIsDoneOnlyOnceTheObjectHoldingItExists() {
        writer(Map.of("maxRecords", 2));
        store.hold();
        CompletableFuture<Void> first = add(0, 1);
        CompletableFuture<Void> second = add(0, 2);

        await().during(Duration.ofMillis(100)).atMost(PATIENCE).until(() -> !first.isDone() && !second.isDone());
        assertThat(store.puts()).isEmpty();
        store.release();

        await().atMost(PATIENCE).until(() -> first.isDone() && second.isDone());
        assertThat(first).isCompleted();
        assertThat(store.names()).containsExactly(name(0, 1, 2));
    }

    @Test
    void aBatchIsWrittenAtMaxAgeHoweverFewEventsItHas() {
        writer(Map.of("maxRecords", 100, "maxAge", "50ms"));

        add(0, 7).orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(store.names()).containsExactly(name(0, 7, 7));
    }

    @Test
    void aBatchIsDueEarlyEnoughToBeWrittenBeforeItsEventsTimeOut() {
        writer(Map.of("maxRecords", 100, "maxAge", "1h", "timeout", "1s"));

        writer.add(event(0, 3), Instant.now().plusMillis(1_050)).orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(store.names()).containsExactly(name(0, 3, 3));
    }

    @Test
    void batchesNeverMixPartitions() {
        writer(Map.of("maxRecords", 2));
        List<CompletableFuture<Void>> done = List.of(add(0, 5), add(1, 5), add(1, 6), add(0, 6));

        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(store.names()).containsExactly(name(0, 5, 6), name(1, 5, 6));
    }

    @Test
    void linesAreInOffsetOrderWhateverOrderTheEventsCameIn() {
        writer(Map.of("maxRecords", 3));
        List<CompletableFuture<Void>> done = List.of(add(0, 12), add(0, 10), add(0, 11));

        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(store.names()).containsExactly(name(0, 10, 12));
        assertThat(store.puts().get(0).lines()).extracting(line -> line.replaceAll(".*\"id\":\"(e-0-\\d+)\".*", "$1"))
                .containsExactly("e-0-10", "e-0-11", "e-0-12");
    }

    @Test
    void anEventThatWouldTakeABatchPastMaxBytesStartsTheNextAndALargerOneGoesAlone() {
        writer(Map.of("maxRecords", 100, "maxBytes", "1KiB", "maxAge", "100ms"));
        String small = "{\"pad\":\"" + "x".repeat(300) + "\"}";
        String huge = "{\"pad\":\"" + "y".repeat(2_000) + "\"}";
        List<CompletableFuture<Void>> done = List.of(
                writer.add(event(0, 0, small), Instant.now().plusSeconds(60)),
                writer.add(event(0, 1, small), Instant.now().plusSeconds(60)),
                writer.add(event(0, 2, small), Instant.now().plusSeconds(60)),
                writer.add(event(0, 3, huge), Instant.now().plusSeconds(60)));

        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(store.names()).containsExactly(name(0, 0, 1), name(0, 2, 2), name(0, 3, 3));
        assertThat(store.stored()).allSatisfy(put -> assertThat(put.body().length <= 1024 || put.lines().size() == 1)
                .isTrue());
    }

    @Test
    void aFailedWriteFailsEveryEventAndTheirRetriesRewriteTheSameObject() {
        writer(Map.of("maxRecords", 3, "maxAge", "200ms"));
        RetryableException unavailable = new RetryableException("the store is down");
        store.failNext(unavailable);
        List<CompletableFuture<Void>> firstAttempts = List.of(add(0, 10), add(0, 11), add(0, 12));
        assertThat(firstAttempts).allSatisfy(attempt -> assertThat(failureOf(attempt)).isSameAs(unavailable));

        // A new event meanwhile must not join the retried ones: they belong to the batch that failed.
        CompletableFuture<Void> newcomer = add(0, 13);
        List<CompletableFuture<Void>> retries = List.of(add(0, 12), add(0, 10), add(0, 11));

        CompletableFuture.allOf(retries.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
        newcomer.orTimeout(10, TimeUnit.SECONDS).join();
        List<InMemoryStore.Put> puts = store.puts();
        assertThat(puts).extracting(InMemoryStore.Put::name)
                .containsExactly(name(0, 10, 12), name(0, 10, 12), name(0, 13, 13));
        assertThat(puts.get(1).body()).as("the same bytes as the write that failed").isEqualTo(puts.get(0).body());
        assertThat(store.names()).containsExactly(name(0, 10, 12), name(0, 13, 13));
    }

    @Test
    void aRetriedBatchIsRewrittenAtMaxAgeWhenSomeEventsDoNotComeBackAndTheLateOnesCompleteAtOnce() {
        writer(Map.of("maxRecords", 2, "maxAge", "50ms"));
        store.failNext(new RetryableException("the store is down"));
        List<CompletableFuture<Void>> firstAttempts = List.of(add(0, 1), add(0, 2));
        firstAttempts.forEach(BatchWriterTest::failureOf);

        add(0, 1).orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(store.stored()).extracting(InMemoryStore.Put::name).containsExactly(name(0, 1, 2));
        assertThat(store.stored().get(0).lines()).as("the event that did not come back is written too").hasSize(2);

        CompletableFuture<Void> late = add(0, 2);
        assertThat(late).as("its object exists already").isCompleted();
        assertThat(store.puts()).hasSize(2);
    }

    @Test
    void aFinalFailureForgetsTheBatchSoItsEventsGoTheirWay() {
        writer(Map.of("maxRecords", 2, "maxAge", "50ms"));
        NonRetryableException refused = new NonRetryableException("EntityTooLarge");
        store.failNext(refused);
        List<CompletableFuture<Void>> attempts = List.of(add(0, 1), add(0, 2));
        assertThat(attempts).allSatisfy(attempt -> assertThat(failureOf(attempt)).isSameAs(refused));

        add(0, 1).orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(store.names()).as("a replayed event forms a batch of its own").containsExactly(name(0, 1, 1));
        assertThat(writer.retainedBytes()).isZero();
    }

    @Test
    void failedBatchesKeepTheirContentWithinFourTimesMaxBytes() {
        writer(Map.of("maxRecords", 1, "maxBytes", "1KiB"));
        String filler = "{\"pad\":\"" + "x".repeat(600) + "\"}";
        for (long offset = 0; offset < 10; offset++) {
            store.failNext(new RetryableException("the store is down"));
            failureOf(writer.add(event(0, offset, filler), Instant.now().plusSeconds(60)));
        }

        assertThat(writer.retainedBytes()).isPositive().isLessThanOrEqualTo(4 * 1024);
    }

    @Test
    void closingFailsWaitingEventsRetryablyAndWritesNothingMore() {
        writer(Map.of("maxRecords", 100, "maxAge", "1h"));
        CompletableFuture<Void> waiting = add(0, 1);

        writer.close();

        assertThat(failureOf(waiting)).isInstanceOf(RetryableException.class).hasMessageContaining("is closing");
        assertThat(failureOf(add(0, 2))).isInstanceOf(RetryableException.class);
        assertThat(store.puts()).isEmpty();
        assertThat(store.isClosed()).isTrue();
        writer = null;
    }
}
