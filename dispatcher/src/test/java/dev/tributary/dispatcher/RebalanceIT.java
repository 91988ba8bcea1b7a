package dev.tributary.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two dispatcher processes of one function share a topic of {@value #PARTITIONS} partitions holding
 * {@value #RECORDS} records over {@value #KEYS} keys, each record carrying its sequence number within its key.
 * Process A starts alone; B joins mid-stream and takes some of A's partitions (A drains and commits them first);
 * then A is killed with SIGKILL mid-stream and B takes the rest from A's last commit. The function copies each
 * input to an output topic under the input's key, and an output's id names its input
 * ({@code <topic>/<partition>/<offset>:copy:0}), so the output topic alone tells what was handled, in which order
 * per key, how often, and by which process (a {@code worker} extension).
 *
 * <p>The scenario runs once for the class; each test checks one property of its outcome. The dispatchers run in
 * JVMs of their own so that one can die as a crash does; the broker stays in the test JVM.
 */
@WithLocalKafka(scope = WithLocalKafka.Scope.CLASS, properties = {
        // The coordinator gives a killed member's partitions away once it has missed heartbeats for the session
        // timeout: 3 s here instead of the default 45 s, so that the hand-off after the kill fits the test.
        "group.consumer.min.session.timeout.ms=3000",
        "group.consumer.session.timeout.ms=3000",
        "group.consumer.min.heartbeat.interval.ms=500",
        "group.consumer.heartbeat.interval.ms=500"})
class RebalanceIT {

    private static final String INPUT = "rebalance-in";
    private static final String OUTPUT = "rebalance-out";
    private static final String GROUP = "tributary.rebalance-copy";
    private static final int PARTITIONS = 6;
    private static final int KEYS = 200;
    private static final int PER_KEY = 100;
    private static final int RECORDS = KEYS * PER_KEY;
    private static final int CONCURRENCY = 16;
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);
    /** The children's read-ahead per partition: records buffered before it is paused, plus one poll. */
    private static final int MAX_BUFFERED = 200;
    private static final int MAX_POLL_RECORDS = 100;
    /**
     * What B may run again: the records A completed (outputs acknowledged) above the offset it had committed when
     * it died. A commits every {@link #COMMIT_INTERVAL}, and a commit stops at the first record not done, so that
     * is what A completed since its last commit (one interval plus the round trip of an async commit: some
     * hundreds at the thousand or so records a second A manages here on two cores), plus the records of other
     * keys A completed beyond one still waiting in its key's lane. How far those run ahead grows with the
     * read-ahead, hence a read-ahead smaller than the default in the children; it was 120 to 480 records per
     * partition in trial runs. 2,000 is a tenth of the stream, so a dispatcher that lost its periodic commits
     * still fails the test.
     */
    private static final int MAX_DUPLICATES = 2_000;
    private static final Path LOGS = Path.of("target", "rebalance-it");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** One output, reduced to what the checks need. */
    record OutputEvent(String inputId, TopicPartition input, long inputOffset, String key, int sequence,
                       String value, String worker, long timestamp) {
    }

    /** What the scenario left behind: every input and every output, in output order per output partition. */
    record Outcome(Map<String, String> inputs, List<OutputEvent> outputs, Set<TopicPartition> ofAAtKill,
                   long killedAt, int outputsAtKill) {
    }

    private static Outcome outcome;

    @BeforeAll
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    static void joinThenKillMidStream(@BootstrapServers String bootstrap) throws Exception {
        KafkaTestClients.createTopic(bootstrap, INPUT, PARTITIONS, (short) 1, Map.of());
        KafkaTestClients.createTopic(bootstrap, OUTPUT, PARTITIONS, (short) 1, Map.of());
        Map<String, String> inputs = produceKeyedSequences(bootstrap);

        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            Admin admin = keep(resources, KafkaTestClients.admin(bootstrap));
            TopicTail tail = keep(resources, TopicTail.start(bootstrap, OUTPUT));

            ChildJvm a = keep(resources, startDispatcher(bootstrap, "A"));
            await("A makes progress alone").atMost(PATIENCE).failFast(a::assertAlive)
                    .until(() -> tail.size() >= RECORDS / 10);

            ChildJvm b = keep(resources, startDispatcher(bootstrap, "B"));
            await("A and B both own partitions").atMost(PATIENCE).failFast(() -> assertAlive(a, b))
                    .until(() -> bothOwnPartitions(assignments(admin), a, b));
            long joinedAt = System.currentTimeMillis();
            int outputsAtJoin = tail.size();
            await("A and B make progress together").atMost(PATIENCE).failFast(() -> assertAlive(a, b))
                    .until(() -> tail.size() >= outputsAtJoin + RECORDS / 10);

            Set<TopicPartition> ofA = assignments(admin).get(clientId(a));
            int outputsAtKill = tail.size();
            long killedAt = System.currentTimeMillis();
            a.kill(PATIENCE);

            await("every input has an output").atMost(Duration.ofSeconds(45)).failFast(b::assertAlive)
                    .until(() -> tail.records().stream().map(RebalanceIT::inputId).distinct().count() == RECORDS);
            assertThat(b.terminate(PATIENCE)).as("exit code of B after SIGTERM; log:%n%s", b.log()).isEqualTo(143);
            assertThat(b.log()).as("log of B").contains("STOPPED B");
            Map<TopicPartition, Long> end = endOffsets(admin);
            await("the output is read to its end").atMost(PATIENCE).until(() -> tail.reached(end));

            List<OutputEvent> outputs = tail.records().stream().map(RebalanceIT::output).toList();
            outcome = new Outcome(inputs, outputs, ofA, killedAt, outputsAtKill);
            System.out.println(rates(outputs, joinedAt, killedAt));
            handOffs(outputs).forEach(System.out::println);
        } finally {
            // Newest first, so the dispatcher JVMs go first: none outlives the test, whatever happened in it.
            while (!resources.isEmpty()) {
                resources.pop().close();
            }
        }
    }

    @Test
    void theKillIsMidStreamAndBTakesOverThePartitionsAOwned() {
        assertThat(outcome.outputsAtKill()).as("outputs when A was killed").isLessThan(RECORDS);
        assertThat(outcome.ofAAtKill()).as("partitions A owned at the kill").isNotEmpty().hasSizeLessThan(PARTITIONS);
        assertThat(outcome.outputs())
                .filteredOn(o -> o.worker().equals("B") && outcome.ofAAtKill().contains(o.input())
                        && o.timestamp() >= outcome.killedAt())
                .as("outputs B wrote after the kill for the partitions A owned").isNotEmpty();
    }

    @Test
    void noInputIsLostAcrossTheJoinAndTheKill() {
        Map<String, List<OutputEvent>> byInput = byInput(outcome.outputs());
        assertThat(byInput.keySet()).as("inputs with an output")
                .containsExactlyInAnyOrderElementsOf(outcome.inputs().keySet());
        assertThat(outcome.outputs()).as("outputs whose data is not their input's")
                .filteredOn(o -> !o.value().equals(outcome.inputs().get(o.inputId())))
                .isEmpty();
    }

    /**
     * Per key, in output order, each sequence number is either the one after the previous (new work, or the next
     * record of a replay) or a step back to a number already seen (a replay starting from an uncommitted offset).
     * Never a gap, never a jump ahead. So the first occurrences run 0, 1, 2, ... {@value #PER_KEY} - 1, and every
     * later occurrence belongs to a contiguous run replayed from some earlier point: at most one per key, since
     * only one process died.
     */
    @Test
    void perKeyOrderHoldsAcrossBothHandOffs() {
        List<String> disorder = new ArrayList<>();
        Map<String, Integer> replaysByKey = new TreeMap<>();
        sequencesByKey(outcome.outputs()).forEach((key, sequence) -> {
            int previous = -1;
            int highest = -1;
            int replays = 0;
            List<Integer> firsts = new ArrayList<>();
            for (int number : sequence) {
                if (number == previous + 1) {
                    if (number > highest) {
                        firsts.add(number);
                    }
                } else if (number <= previous) {
                    replays++;
                } else {
                    disorder.add(key + ": " + number + " after " + previous + " in " + sequence);
                    return;
                }
                previous = number;
                highest = Math.max(highest, number);
            }
            if (!firsts.equals(IntStream.range(0, PER_KEY).boxed().toList())) {
                disorder.add(key + ": first occurrences " + firsts + " are not 0.." + (PER_KEY - 1));
            }
            replaysByKey.put(key, replays);
        });
        assertThat(disorder).as("keys whose outputs are out of order").isEmpty();
        assertThat(replaysByKey).as("replays per key")
                .allSatisfy((key, replays) -> assertThat(replays).isBetween(0, 1));
    }

    /**
     * The records handled twice are records A had done, or was doing, but not committed when it died: each is in
     * a partition A owned at the kill, handled once by A and once more by B, and there are fewer than
     * {@value #MAX_DUPLICATES} of them. The hand-off when B joined, which A drained and committed, adds none.
     */
    @Test
    void duplicatesAreOnlyWhatAHadNotCommittedWhenKilled() {
        Map<String, List<OutputEvent>> duplicated = new TreeMap<>(byInput(outcome.outputs()));
        duplicated.values().removeIf(copies -> copies.size() == 1);
        int duplicates = duplicated.values().stream().mapToInt(copies -> copies.size() - 1).sum();
        Map<TopicPartition, Long> byPartition = duplicated.values().stream().collect(Collectors.groupingBy(
                copies -> copies.get(0).input(),
                () -> new TreeMap<>(Comparator.comparingInt(TopicPartition::partition)), Collectors.counting()));
        System.out.printf("RebalanceIT: %d duplicate outputs of %d records (bound %d), by input partition %s;"
                        + " A owned %s at the kill%n", duplicates, RECORDS, MAX_DUPLICATES, byPartition,
                outcome.ofAAtKill());

        assertThat(byPartition.keySet()).as("input partitions with duplicates (the hand-off lines above say where)")
                .isSubsetOf(outcome.ofAAtKill());
        assertThat(duplicated).as("inputs handled twice").allSatisfy((id, copies) ->
                assertThat(copies.stream().map(OutputEvent::worker)).as("writers of %s", id).containsExactly("A", "B"));
        assertThat(duplicates).as("duplicate outputs").isBetween(0, MAX_DUPLICATES - 1);
    }

    /**
     * One line per input partition on how it passed from A to B: the first offset A left undone, where B started
     * and how many records both handled. A hand-off without duplicates has B start at A's first undone offset with
     * nothing done by A above it.
     */
    private static List<String> handOffs(List<OutputEvent> outputs) {
        List<String> lines = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            TopicPartition input = new TopicPartition(INPUT, partition);
            Set<Long> byA = new TreeSet<>();
            Set<Long> byB = new TreeSet<>();
            outputs.stream().filter(o -> o.input().equals(input))
                    .forEach(o -> (o.worker().equals("A") ? byA : byB).add(o.inputOffset()));
            long firstUndoneByA = 0;
            while (byA.contains(firstUndoneByA)) {
                firstUndoneByA++;
            }
            Set<Long> both = new TreeSet<>(byA);
            both.retainAll(byB);
            lines.add("RebalanceIT: %s: A did %d, first undone %d, highest %s; B started at %s; both did %d".formatted(
                    input, byA.size(), firstUndoneByA, byA.stream().max(Long::compare).orElse(null),
                    byB.stream().min(Long::compare).orElse(null), both.size()));
        }
        return lines;
    }

    /** Outputs a second, from their timestamps: how fast A went alone and with B, and B with A. */
    private static String rates(List<OutputEvent> outputs, long joinedAt, long killedAt) {
        long firstOfA = outputs.stream().filter(o -> o.worker().equals("A")).mapToLong(OutputEvent::timestamp).min()
                .orElse(joinedAt);
        return "RebalanceIT: A wrote %.0f outputs/s alone, then %.0f/s beside B, which wrote %.0f/s".formatted(
                rate(outputs, "A", firstOfA, joinedAt), rate(outputs, "A", joinedAt, killedAt),
                rate(outputs, "B", joinedAt, killedAt));
    }

    private static double rate(List<OutputEvent> outputs, String worker, long from, long to) {
        long count = outputs.stream()
                .filter(o -> o.worker().equals(worker) && o.timestamp() >= from && o.timestamp() < to)
                .count();
        return count * 1_000.0 / Math.max(1, to - from);
    }

    private static Map<String, List<OutputEvent>> byInput(List<OutputEvent> outputs) {
        return outputs.stream()
                .collect(Collectors.groupingBy(OutputEvent::inputId, LinkedHashMap::new, Collectors.toList()));
    }

    private static Map<String, List<Integer>> sequencesByKey(List<OutputEvent> outputs) {
        // One key, one output partition, and the tail keeps each partition in offset order: this is output order.
        Map<String, List<Integer>> byKey = new HashMap<>();
        outputs.forEach(o -> byKey.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(o.sequence()));
        return byKey;
    }

    /** Produces {@value #PER_KEY} records per key in a shuffled order; returns each record's event id and value. */
    private static Map<String, String> produceKeyedSequences(String bootstrap) {
        List<Integer> keys = new ArrayList<>(RECORDS);
        IntStream.range(0, KEYS).forEach(key -> keys.addAll(Collections.nCopies(PER_KEY, key)));
        Collections.shuffle(keys, new Random(20_000));
        int[] nextSequence = new int[KEYS];
        Map<String, String> valueById = new ConcurrentHashMap<>();
        try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
            for (int key : keys) {
                String name = "key-%03d".formatted(key);
                String value = name + ":" + nextSequence[key]++;
                producer.send(new ProducerRecord<>(INPUT, name, value), (metadata, error) -> {
                    if (error == null) {
                        valueById.put(INPUT + "/" + metadata.partition() + "/" + metadata.offset(), value);
                    }
                });
            }
            producer.flush();
        }
        assertThat(valueById).as("acknowledged inputs").hasSize(RECORDS);
        return valueById;
    }

    private static ChildJvm startDispatcher(String bootstrap, String worker) throws Exception {
        return ChildJvm.start(DispatcherProcessMain.class, List.of(), LOGS, worker, List.of(bootstrap, INPUT, OUTPUT,
                GROUP, worker, String.valueOf(CONCURRENCY), String.valueOf(COMMIT_INTERVAL.toMillis()),
                String.valueOf(MAX_BUFFERED), String.valueOf(MAX_POLL_RECORDS)), PATIENCE);
    }

    private static void assertAlive(ChildJvm... processes) {
        for (ChildJvm process : processes) {
            process.assertAlive();
        }
    }

    /** The partitions each member of the group owns now, by client id. */
    private static Map<String, Set<TopicPartition>> assignments(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                .get(10, TimeUnit.SECONDS).get(GROUP);
        Map<String, Set<TopicPartition>> byClient = new HashMap<>();
        for (MemberDescription member : group.members()) {
            Set<TopicPartition> owned = new TreeSet<>(Comparator.comparingInt(TopicPartition::partition));
            owned.addAll(member.assignment().topicPartitions());
            byClient.put(member.clientId(), owned);
        }
        return byClient;
    }

    private static boolean bothOwnPartitions(Map<String, Set<TopicPartition>> assignments, ChildJvm a,
                                             ChildJvm b) {
        Set<TopicPartition> ofA = assignments.getOrDefault(clientId(a), Set.of());
        Set<TopicPartition> ofB = assignments.getOrDefault(clientId(b), Set.of());
        return !ofA.isEmpty() && !ofB.isEmpty() && ofA.size() + ofB.size() == PARTITIONS
                && Collections.disjoint(ofA, ofB);
    }

    /** The client id {@link FunctionDispatcher} gives its consumer. */
    private static String clientId(ChildJvm process) {
        return "tributary-" + DispatcherProcessMain.FUNCTION + "-" + process.pid();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, PARTITIONS).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(OUTPUT, p), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static OutputEvent output(ConsumerRecord<String, String> record) {
        String inputId = inputId(record);
        String[] topicPartitionOffset = inputId.split("/");
        String[] keyAndSequence = record.value().split(":");
        assertThat(record.key()).as("key of %s", inputId).isEqualTo(keyAndSequence[0]);
        TopicPartition input = new TopicPartition(topicPartitionOffset[0], Integer.parseInt(topicPartitionOffset[1]));
        return new OutputEvent(inputId, input, Long.parseLong(topicPartitionOffset[2]), keyAndSequence[0],
                Integer.parseInt(keyAndSequence[1]), record.value(),
                header(record, "ce_" + DispatcherProcessMain.WORKER_EXTENSION), record.timestamp());
    }

    /** The id of the input an output was made from: the output's own id is {@code <input id>:copy:0}. */
    private static String inputId(ConsumerRecord<String, String> output) {
        String id = header(output, "ce_id");
        String suffix = ":" + DispatcherProcessMain.FUNCTION + ":0";
        assertThat(id).endsWith(suffix);
        return id.substring(0, id.length() - suffix.length());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s of %s-%d@%d", name, record.topic(), record.partition(), record.offset())
                .isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <T extends AutoCloseable> T keep(Deque<AutoCloseable> resources, T resource) {
        resources.push(resource);
        return resource;
    }
}
