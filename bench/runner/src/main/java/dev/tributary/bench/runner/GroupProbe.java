package dev.tributary.bench.runner;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/** Looks at a contender's consumer group from outside, the same way for every contender. */
final class GroupProbe {

    private static final long POLL_MILLIS = 100;

    private final Admin admin;

    GroupProbe(Admin admin) {
        this.admin = admin;
    }

    /**
     * Waits until the group is settled: stable, its members owning {@code partitions} partitions between them, and
     * the same members owning the same partitions for {@code settle}. A group whose consumers join one by one
     * (Spring Kafka starts twelve) moves partitions between them for a while after the first member owns all.
     */
    boolean awaitSettled(String group, int partitions, Duration settle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAssignment = null;
        long sameSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            String assignment = settledAssignment(group, partitions);
            long now = System.nanoTime();
            if (assignment == null || !assignment.equals(lastAssignment)) {
                lastAssignment = assignment;
                sameSince = now;
            } else if (now - sameSince >= settle.toNanos()) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
        return false;
    }

    /** Who owns what in a stable group that owns every partition; null while it does not. */
    private String settledAssignment(String group, int partitions) throws InterruptedException {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .describedGroups().get(group).get(5, TimeUnit.SECONDS);
            int assigned = description.members().stream()
                    .mapToInt(member -> member.assignment().topicPartitions().size())
                    .sum();
            if (assigned < partitions || description.groupState() != GroupState.STABLE) {
                return null;
            }
            return description.members().stream()
                    .map(member -> member.consumerId() + "=" + new TreeSet<>(member.assignment().topicPartitions()
                            .stream().map(TopicPartition::partition).toList()))
                    .sorted()
                    .toList()
                    .toString();
        } catch (ExecutionException | TimeoutException e) {
            return null; // the group does not exist yet
        }
    }

    /**
     * What the group has committed against the end of the topic.
     *
     * @param zero     whether the committed offset of every partition is its end offset
     * @param lag      records between the committed offsets and the end offsets
     * @param waitedMs how long after the last completion the commits took to reach the end
     */
    record Commits(boolean zero, long lag, long waitedMs) {
    }

    /** Waits until the group has committed every partition of {@code topic} up to its end, or the timeout. */
    Commits awaitCommitted(String group, String topic, int partitions, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lag = Long.MAX_VALUE;
        while (true) {
            try {
                lag = lag(group, topic, partitions);
            } catch (ExecutionException | TimeoutException e) {
                // Ask again until the deadline.
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (lag == 0 || System.nanoTime() > deadline) {
                return new Commits(lag == 0, lag, waited);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
    }

    private long lag(String group, String topic, int partitions)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> entry : end.entrySet()) {
            OffsetAndMetadata offset = committed.get(entry.getKey());
            lag += entry.getValue().offset() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }
}
