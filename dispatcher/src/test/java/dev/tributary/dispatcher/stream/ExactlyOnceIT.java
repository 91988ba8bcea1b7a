package dev.tributary.dispatcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.dispatcher.ChildJvm;
import dev.tributary.dispatcher.stream.StreamTestTopics.Reading;
import dev.tributary.dispatcher.stream.StreamTestTopics.WindowTotals;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The exactly-once guarantee of a stream function across a crash. {@value #READINGS} readings over {@value #KEYS}
 * keys and {@value #WINDOWS} one-minute windows, {@value #PER_WINDOW} per key and window, go to {@link ReadingTotals}
 * running in a process of its own (A), which writes every window's count and sum on each update:
 * <ol>
 *   <li>the first {@value #PHASE_A} readings (windows 0 and 1, and part of 2) are sent and A commits them: some
 *       output is committed;</li>
 *   <li>the rest are sent; A commits every {@value #COMMIT_EVERY} readings, and before reading {@value #PAUSE_BEFORE}
 *       (in the middle of window 4) holds its stream thread, with a transaction open that holds outputs and
 *       changelog writes;</li>
 *   <li>A is killed with SIGKILL, and a new process (B) starts with the same function name, state directory and
 *       group member id, and processes everything A had not committed.</li>
 * </ol>
 * Then every window's latest committed totals must be exact, and every committed output there once. The scenario
 * runs once; each test checks one property of its outcome.
 */
// A transactional client's first call creates the transaction state topic: 50 partitions by default, seconds of
// work for one broker on a small machine; a few partitions serve these tests. Both stream ITs ask for the same
// broker, so they share it.
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN, properties = "transaction.state.log.num.partitions=4")
class ExactlyOnceIT {

    private static final String NAME = "exactly-once";
    private static final String INPUT = "eos-readings";
    private static final String OUTPUT = "eos-totals";
    private static final int PARTITIONS = 3;
    private static final int KEYS = 6;
    private static final int WINDOWS = 6;
    private static final int PER_WINDOW = 50;
    private static final int READINGS = KEYS * WINDOWS * PER_WINDOW;
    private static final int PHASE_A = 720;
    private static final int COMMIT_EVERY = 120;
    private static final int PAUSE_BEFORE = 1_260;
    /**
     * Event time starts on a recent hour: the broker deletes segments whose records are older than the retention
     * (7 days), and the changelog of a window store is retained by time too, so readings from a fixed date long past
     * would be deleted under the test's feet once the broker's first retention check runs.
     */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path LOGS = Path.of("target", "exactly-once-it");

    /** What the scenario left behind. */
    record Outcome(List<Reading> readings, long committedAtPhaseA, int outputsAtPhaseA, long committedAtKill,
                   boolean openTransactionAtKill, List<KafkaEvent> committed, int uncommittedRecords) {
    }

    private static Outcome outcome;

    @BeforeAll
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    static void killMidWindowThenRestart(@BootstrapServers String bootstrap) throws Exception {
        KafkaTestClients.createTopic(bootstrap, INPUT, PARTITIONS, (short) 1, Map.of());
        KafkaTestClients.createTopic(bootstrap, OUTPUT, PARTITIONS, (short) 1, Map.of());
        List<Reading> readings = readings();
        Path stateDir = Files.createTempDirectory("tributary-eos-state-");
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            Admin admin = keep(resources, KafkaTestClients.admin(bootstrap));
            KafkaProducer<byte[], byte[]> producer = keep(resources, StreamTestTopics.producer(bootstrap));
            Phases phases = new Phases();

            // A commits on request (every COMMIT_EVERY readings); its interval is longer than its work here, and
            // below Kafka Streams' transaction timeout (10 s), as Kafka Streams requires.
            ChildJvm a = keep(resources, start(bootstrap, stateDir, "A", Duration.ofSeconds(9),
                    COMMIT_EVERY, PAUSE_BEFORE));
            phases.done("A started");
            StreamTestTopics.send(producer, INPUT, readings.subList(0, PHASE_A));
            await("A commits the first readings").atMost(PATIENCE).failFast(a::assertAlive)
                    .until(() -> committedInputs(admin) == PHASE_A);
            long committedAtPhaseA = committedInputs(admin);
            phases.done("A committed the first phase");
            int outputsAtPhaseA = StreamTestTopics.readCommitted(bootstrap, OUTPUT).size();

            StreamTestTopics.send(producer, INPUT, readings.subList(PHASE_A, READINGS));
            await("A holds its transaction open").atMost(PATIENCE).failFast(a::assertAlive)
                    .until(() -> a.log().contains("PAUSED A") && openTransaction(admin));
            long committedAtKill = committedInputs(admin);
            boolean openAtKill = openTransaction(admin);
            a.kill(PATIENCE);
            phases.done("A paused and killed");

            ChildJvm b = keep(resources, start(bootstrap, stateDir, "B", Duration.ofMillis(100), 0, 0));
            phases.done("B started");
            await("B commits every reading").atMost(Duration.ofSeconds(45)).failFast(b::assertAlive)
                    .until(() -> committedInputs(admin) == READINGS);
            phases.done("B committed the rest");
            List<KafkaEvent> committed = StreamTestTopics.readCommitted(bootstrap, OUTPUT);
            int uncommitted = StreamTestTopics.read(bootstrap, OUTPUT, "read_uncommitted", PATIENCE).size();
            assertThat(b.terminate(PATIENCE)).as("exit code of B after SIGTERM; log:%n%s", b.log()).isEqualTo(143);
            phases.done("B stopped");

            outcome = new Outcome(readings, committedAtPhaseA, outputsAtPhaseA, committedAtKill, openAtKill,
                    committed, uncommitted);
            System.out.printf("ExactlyOnceIT: %d readings; A committed %d before the kill; %d committed outputs,"
                            + " %d output records in the log; %s%n", READINGS, committedAtKill, committed.size(),
                    uncommitted, phases);
        } finally {
            // Newest first, so the processes go first: none outlives the test, whatever happened in it.
            while (!resources.isEmpty()) {
                resources.pop().close();
            }
            deleteRecursively(stateDir);
        }
    }

    @Test
    void theKillLandsMidStreamAfterSomeOutputWasCommitted() {
        assertThat(outcome.committedAtPhaseA()).as("inputs committed before the second phase").isEqualTo(PHASE_A);
        assertThat(outcome.outputsAtPhaseA()).as("outputs committed before the second phase").isEqualTo(PHASE_A);
        assertThat(outcome.committedAtKill()).as("inputs committed when A was killed")
                .isBetween((long) PHASE_A, (long) PAUSE_BEFORE - 1);
        assertThat(outcome.openTransactionAtKill()).as("A had a transaction with outputs open when killed").isTrue();
    }

    @Test
    void everyWindowsLatestCommittedTotalsAreExact() {
        Map<String, WindowTotals> expected = StreamTestTopics.expectedPerWindow(outcome.readings());

        assertThat(StreamTestTopics.latestPerWindow(outcome.committed())).isEqualTo(expected);
        assertThat(expected).hasSize(KEYS * WINDOWS)
                .allSatisfy((window, totals) -> assertThat(totals.totals().count()).isEqualTo(PER_WINDOW));
    }

    /**
     * With the record cache off, each reading updates its window once: the committed outputs of a window count
     * 1, 2, 3 ... {@value #PER_WINDOW}, each once. A reading counted twice, or an output of the aborted transaction
     * that leaked, would break the sequence.
     */
    @Test
    void everyReadingIsCountedOnceAndEveryCommittedOutputIsThereOnce() {
        Map<String, List<Long>> countsByWindow = new LinkedHashMap<>();
        for (KafkaEvent output : outcome.committed()) {
            Map<String, WindowTotals> one = StreamTestTopics.latestPerWindow(List.of(output));
            one.forEach((window, totals) -> countsByWindow.computeIfAbsent(window, w -> new ArrayList<>())
                    .add(totals.totals().count()));
        }
        List<Long> oneToN = IntStream.rangeClosed(1, PER_WINDOW).mapToObj(Long::valueOf).toList();

        assertThat(outcome.committed()).hasSize(READINGS);
        assertThat(countsByWindow).hasSize(KEYS * WINDOWS)
                .allSatisfy((window, counts) -> assertThat(counts).as("counts of %s", window).isEqualTo(oneToN));
        assertThat(outcome.committed().stream().map(output -> output.cloudEvent().getId()).distinct().count())
                .as("distinct output ids").isEqualTo(READINGS);
    }

    /** The outputs A wrote in its open transaction are in the log, and were aborted: read_committed skips them. */
    @Test
    void theOutputsOfTheKilledTransactionAreAbortedNotDelivered() {
        assertThat(outcome.uncommittedRecords()).as("output records in the log, aborted ones included")
                .isGreaterThan(outcome.committed().size());
    }

    /**
     * In time order, {@value #KEYS} keys a second: window {@code w} holds readings {@code w * 300} to
     * {@code w * 300 + 299}. Values are small integers, so sums are exact.
     */
    private static List<Reading> readings() {
        List<Reading> readings = new ArrayList<>(READINGS);
        for (int window = 0; window < WINDOWS; window++) {
            for (int second = 0; second < PER_WINDOW; second++) {
                for (int key = 0; key < KEYS; key++) {
                    Instant time = START.plus(Duration.ofMinutes(window)).plusSeconds(second);
                    long value = (key * 31L + window * 17L + second * 7L) % 100 + 1;
                    readings.add(new Reading("reading-" + readings.size(), "sensor-" + key, value, time));
                }
            }
        }
        return readings;
    }

    private static ChildJvm start(String bootstrap, Path stateDir, String worker, Duration commitInterval,
                                  int commitEvery, int pauseBefore) throws Exception {
        // C1 only: the child starts faster, and the test measures no throughput.
        return ChildJvm.start(StreamFunctionProcessMain.class, List.of("-XX:TieredStopAtLevel=1"), LOGS, worker,
                List.of(bootstrap, INPUT, OUTPUT, NAME, stateDir.toString(), worker,
                        String.valueOf(commitInterval.toMillis()), String.valueOf(commitEvery),
                        String.valueOf(pauseBefore), NAME + "-member"), PATIENCE);
    }

    /** The input offsets the function's group has committed, over all partitions. */
    private static long committedInputs(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("tributary." + NAME)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(INPUT) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset())
                .sum();
    }

    /** Whether an output partition holds records past its last stable offset: a transaction is open. */
    private static boolean openTransaction(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, PARTITIONS).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(OUTPUT, p), p -> OffsetSpec.latest()));
        var logEnd = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                .get(10, TimeUnit.SECONDS);
        var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(10, TimeUnit.SECONDS);
        return logEnd.keySet().stream().anyMatch(p -> logEnd.get(p).offset() > stable.get(p).offset());
    }

    /** How long each step of the scenario took, for the log. */
    private static final class Phases {
        private final List<String> steps = new ArrayList<>();
        private long last = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            steps.add(step + " in " + TimeUnit.NANOSECONDS.toMillis(now - last) + " ms");
            last = now;
        }

        @Override
        public String toString() {
            return String.join(", ", steps);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static <T extends AutoCloseable> T keep(Deque<AutoCloseable> resources, T resource) {
        resources.push(resource);
        return resource;
    }
}
