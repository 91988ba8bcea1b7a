package dev.tributary.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three ordering modes side by side on one topic of 12 partitions: 20,000 records over 1,000 keys, each
 * carrying its sequence number within its key, handled by a function that takes 0 to 5 ms.
 */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class OrderingModesIT {

    private static final String TOPIC = "ordering-modes";
    private static final int RECORDS = 20_000;
    private static final int KEYS = 1_000;

    /** Records, per key, the sequence numbers in the order the function saw them. */
    static final class Recorder implements EventFunction<String> {
        final Map<String, List<Integer>> seenByKey = new ConcurrentHashMap<>();
        final AtomicInteger handled = new AtomicInteger();

        @Override
        public void handle(Event<String> event, Context context) {
            // Simulated I/O of the function under test: the workload, not a wait in the test.
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextInt(5_000)));
            String[] keyAndSequence = event.data().split(":");
            seenByKey.computeIfAbsent(keyAndSequence[0], k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(Integer.parseInt(keyAndSequence[1]));
            handled.incrementAndGet();
        }

        void assertPerKeyOrder() {
            assertThat(seenByKey).hasSize(KEYS);
            seenByKey.forEach((key, sequence) ->
                    assertThat(sequence).as("sequence of key " + key).isSorted().doesNotHaveDuplicates()
                            .hasSize(RECORDS / KEYS));
        }
    }

    @BeforeAll
    static void produceKeyedSequences(@BootstrapServers String bootstrap) throws Exception {
        KafkaTestClients.createTopic(bootstrap, TOPIC, 12, (short) 1, Map.of());
        int[] nextSequence = new int[KEYS];
        try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
            for (int i = 0; i < RECORDS; i++) {
                int key = ThreadLocalRandom.current().nextInt(KEYS);
                if (nextSequence[key] == RECORDS / KEYS) {
                    key = firstUnfinished(nextSequence);
                }
                producer.send(new ProducerRecord<>(TOPIC, "key-" + key, "key-" + key + ":" + nextSequence[key]++));
            }
            producer.flush();
        }
    }

    @Test
    void everyRecordIsHandledKeyOrderHoldsAndKeyModeFinishesAheadOfPartitionMode(@BootstrapServers String bootstrap)
            throws Exception {
        Recorder byKey = new Recorder();
        Recorder byPartition = new Recorder();
        Recorder unordered = new Recorder();
        try (DispatcherFixture fixture = new DispatcherFixture(bootstrap)) {
            fixture.start(fixture.settings("by-key", TOPIC).withOrdering(OrderingMode.KEY).withConcurrency(64),
                    byKey, Optional.empty());
            fixture.start(fixture.settings("by-partition", TOPIC).withOrdering(OrderingMode.PARTITION).withConcurrency(64),
                    byPartition, Optional.empty());
            fixture.start(fixture.settings("unordered", TOPIC).withOrdering(OrderingMode.UNORDERED).withConcurrency(64),
                    unordered, Optional.empty());

            await().atMost(Duration.ofMinutes(2)).until(() -> byKey.handled.get() == RECORDS);
            int partitionModeWhenKeyModeFinished = byPartition.handled.get();
            await().atMost(Duration.ofMinutes(3)).until(() -> byPartition.handled.get() == RECORDS
                    && unordered.handled.get() == RECORDS);

            assertThat(partitionModeWhenKeyModeFinished)
                    .as("records partition mode had handled when key mode had handled all %d", RECORDS)
                    .isLessThan(RECORDS * 3 / 4);
            byKey.assertPerKeyOrder();
            byPartition.assertPerKeyOrder();
            assertThat(unordered.seenByKey.values().stream().mapToInt(List::size).sum()).isEqualTo(RECORDS);
        }
    }

    private static int firstUnfinished(int[] nextSequence) {
        for (int key = 0; key < nextSequence.length; key++) {
            if (nextSequence[key] < RECORDS / KEYS) {
                return key;
            }
        }
        throw new IllegalStateException("every key is complete");
    }
}
