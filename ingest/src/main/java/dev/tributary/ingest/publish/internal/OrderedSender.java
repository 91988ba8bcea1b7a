package dev.tributary.ingest.publish.internal;

import dev.tributary.ingest.publish.PublishException;
import dev.tributary.ingest.publish.PublishException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Hands records to the producer off the caller's thread, in the order they were accepted: {@code send()} may block
 * (waiting for a topic's metadata, or for room in a full buffer), and callers are event loops. Each topic has a
 * {@link SerialLane}, so the records of a topic reach the producer in the order of the {@link #send} calls (each
 * call's records in list order); Kafka's idempotent producer then keeps that order per partition, retries included,
 * so records of one key may be in flight together. A topic whose metadata cannot be had blocks only its own lane.
 *
 * <p>A record's callback gives its room back to the budget and tells the publish; records not handed to the producer
 * because their publish already failed (past its deadline, or an earlier record failed) are given back unsent. The
 * lanes are one per topic ever published to: the topics of an ingest process are configured, not chosen by clients.
 * Thread-safe.
 */
public final class OrderedSender {

    private final Producer<byte[], byte[]> producer;
    private final InFlightBudget budget;
    private final Duration deliveryTimeout;
    private final ExecutorService threads;
    private final ConcurrentMap<String, SerialLane<Part>> lanes = new ConcurrentHashMap<>();

    /**
     * @param threads starts a lane's thread when it has work; shut it down to stop taking work, and the lanes then
     *                fail what is still queued as {@link Reason#CLOSED}
     */
    public OrderedSender(Producer<byte[], byte[]> producer, InFlightBudget budget, Duration deliveryTimeout,
                         ExecutorService threads) {
        this.producer = producer;
        this.budget = budget;
        this.deliveryTimeout = deliveryTimeout;
        this.threads = threads;
    }

    /**
     * Queues a publish's records, whose room in the budget is taken, for their topics' lanes; returns at once.
     *
     * @param sizes each record's size, as taken from the budget
     */
    public void send(List<ProducerRecord<byte[], byte[]>> records, long[] sizes, PendingPublish pending) {
        String first = records.getFirst().topic();
        if (records.stream().allMatch(record -> record.topic().equals(first))) {
            lane(first).submit(new Part(pending, records, sizes, indexes(0, records.size())));
            return;
        }
        Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byTopic.computeIfAbsent(records.get(i).topic(), topic -> new ArrayList<>()).add(i);
        }
        byTopic.forEach((topic, positions) -> {
            List<ProducerRecord<byte[], byte[]>> part = new ArrayList<>(positions.size());
            long[] partSizes = new long[positions.size()];
            int[] partIndexes = new int[positions.size()];
            for (int i = 0; i < positions.size(); i++) {
                part.add(records.get(positions.get(i)));
                partSizes[i] = sizes[positions.get(i)];
                partIndexes[i] = positions.get(i);
            }
            lane(topic).submit(new Part(pending, part, partSizes, partIndexes));
        });
    }

    private SerialLane<Part> lane(String topic) {
        return lanes.computeIfAbsent(topic, ignored -> new SerialLane<>(threads, this::sendInOrder, this::abandon));
    }

    /** Runs on a lane's thread: hands the records to the producer, stopping early once the publish has failed. */
    private void sendInOrder(Part part) {
        for (int i = 0; i < part.records.size(); i++) {
            if (part.pending.isDone()) {
                // Past the deadline, or an earlier record failed: the client has its answer, the rest stays unsent.
                giveBack(part.sizes, i);
                return;
            }
            int index = part.indexes[i];
            long size = part.sizes[i];
            try {
                producer.send(part.records.get(i), (metadata, error) -> {
                    budget.giveBack(1, size);
                    if (error == null) {
                        part.pending.acknowledged(index, metadata);
                    } else {
                        part.pending.failed(KafkaErrors.classify(error, deliveryTimeout));
                    }
                });
            } catch (RuntimeException e) {
                // The producer threw instead of calling back (it is closed, or failed for good): nothing of this
                // record or the ones after it is in flight.
                giveBack(part.sizes, i);
                part.pending.failed(KafkaErrors.classify(e, deliveryTimeout));
                return;
            }
        }
    }

    private void abandon(Part part, RejectedExecutionException reason) {
        giveBack(part.sizes, 0);
        part.pending.failed(new PublishException(Reason.CLOSED, "the publisher is closing; send to another replica",
                reason));
    }

    private void giveBack(long[] sizes, int from) {
        long bytes = 0;
        for (int i = from; i < sizes.length; i++) {
            bytes += sizes[i];
        }
        budget.giveBack(sizes.length - from, bytes);
    }

    private static int[] indexes(int from, int to) {
        int[] indexes = new int[to - from];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = from + i;
        }
        return indexes;
    }

    /**
     * The records of one publish for one topic.
     *
     * @param indexes each record's position in its publish, where its acknowledgement goes
     */
    private record Part(PendingPublish pending, List<ProducerRecord<byte[], byte[]>> records, long[] sizes,
                        int[] indexes) {
    }
}
