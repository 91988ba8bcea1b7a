package dev.tributary.ingest.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.ingest.storage.PollOutcome;
import dev.tributary.ingest.storage.RecordingPublisher;
import dev.tributary.ingest.storage.SettableClock;
import dev.tributary.ingest.storage.StandbyPollerException;
import dev.tributary.ingest.storage.StorageMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The election's transitions, one {@link PollerElection#turn()} at a time on the test's thread, against Kafka's mock
 * consumer: only the owner of partition 0 polls, each term starts from the checkpoint as it is then, and losing the
 * partition stops polling.
 */
class PollerElectionTest {

    private static final String TOPIC = "tributary.storage.checkpoints";
    private static final TopicPartition PARTITION_0 = new TopicPartition(TOPIC, 0);
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final SortedMap<String, ObjectVersion> store = new TreeMap<>();
    /** What another replica checkpointed, or this one. */
    private final SortedMap<String, ObjectVersion> checkpoint = new TreeMap<>();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final SettableClock clock = new SettableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private int loads;
    private boolean checkpointUnreadable;
    private ActivePoller poller;
    private PollerElection election;

    @BeforeEach
    void subscribe() {
        StorageMetrics.SourceMeters meters = new StorageMetrics(registry).source("orders", StorageMetrics.Mode.POLLING);
        poller = new ActivePoller("storage poller 'orders'", this::load, known -> new SnapshotPoller("bucket",
                "events", lister(), CheckpointStore.none(), publisher, new ObjectEvents("orders"), meters, clock,
                known), meters);
        election = new PollerElection(PollerElection.groupId("orders", "bucket", ""), TOPIC, consumer, poller, clock);
        // The mock seeks a newly assigned partition to its position, though the election reads nothing.
        consumer.updateBeginningOffsets(Map.of(PARTITION_0, 0L));
        election.subscribe();
    }

    @Test
    void theGroupIsNamedAfterTheScope() {
        assertThat(election.groupId()).isEqualTo("tributary.storage.orders:bucket/");
        assertThat(PollerElection.groupId("orders", "bucket", "2025/"))
                .isEqualTo("tributary.storage.orders:bucket/2025/");
    }

    @Test
    void withoutPartition0ItStandsByAndRefusesToPoll() {
        consumer.rebalance(List.of());
        election.turn();

        assertThat(poller.isActive()).isFalse();
        assertThat(activeGauge()).isZero();
        assertThatThrownBy(poller::poll).isInstanceOf(StandbyPollerException.class).hasMessageContaining("standby");
        poller.pollIfActive();
        assertThat(loads).isZero();
        assertThat(publisher.events()).isEmpty();
    }

    @Test
    void assignedPartition0ItReadsTheCheckpointFirstThenPollsFromIt() {
        store.put("a.txt", version("etag-a"));
        store.put("b.txt", version("etag-b"));
        checkpoint.put("a.txt", version("etag-a")); // published by the replica active before

        consumer.rebalance(List.of(PARTITION_0));
        election.turn();

        assertThat(poller.isActive()).isTrue();
        assertThat(activeGauge()).isEqualTo(1.0);
        assertThat(loads).isEqualTo(1);
        assertThat(poller.poll()).isEqualTo(new PollOutcome(2, 1, 0, 0));
        assertThat(publisher.events()).extracting(event -> event.getSubject()).containsExactly("b.txt");
        assertThat(consumer.paused()).as("the group reads no records").containsExactly(PARTITION_0);
    }

    @Test
    void revokedItStopsAndAFollowingTermStartsFromTheCheckpointAsItIsThen() {
        consumer.rebalance(List.of(PARTITION_0));
        election.turn();
        consumer.rebalance(List.of());
        election.turn();

        assertThat(poller.isActive()).isFalse();
        assertThat(activeGauge()).isZero();

        // Meanwhile another replica published and checkpointed c.txt.
        store.put("c.txt", version("etag-c"));
        checkpoint.put("c.txt", version("etag-c"));
        consumer.rebalance(List.of(PARTITION_0));
        election.turn();

        assertThat(loads).isEqualTo(2);
        assertThat(poller.poll().changes()).as("c.txt was published by the other replica").isZero();
    }

    @Test
    void aCheckpointThatCannotBeReadKeepsItOnStandbyAndIsTriedAgainAfterAPause() {
        checkpointUnreadable = true;
        consumer.rebalance(List.of(PARTITION_0));
        election.turn();
        assertThat(poller.isActive()).isFalse();

        checkpointUnreadable = false;
        election.turn();
        assertThat(poller.isActive()).as("not before the pause").isFalse();

        clock.advance(PollerElection.RETRY_PAUSE);
        election.turn();
        assertThat(poller.isActive()).isTrue();
    }

    private SortedMap<String, ObjectVersion> load() {
        loads++;
        if (checkpointUnreadable) {
            throw new IllegalStateException("could not read the storage checkpoint topic, as the test asked");
        }
        return new TreeMap<>(checkpoint);
    }

    private ObjectLister lister() {
        return new ObjectLister() {
            @Override
            public SortedMap<String, ObjectVersion> list() {
                return new TreeMap<>(store);
            }

            @Override
            public String describe() {
                return "s3://bucket/";
            }
        };
    }

    private double activeGauge() {
        return registry.get(StorageMetrics.POLLER_ACTIVE).gauge().value();
    }

    private static ObjectVersion version(String etag) {
        return new ObjectVersion(etag, 1, T0);
    }
}
