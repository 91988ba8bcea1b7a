package dev.tributary.ingest.publish;

import java.util.Objects;

/**
 * Where Kafka stored an event: given only once every in-sync replica has it ({@code acks=all}).
 *
 * @param topic     the topic the event went to
 * @param partition the partition Kafka chose, by the record key or, without one, by its sticky partitioner
 * @param offset    the record's offset in that partition
 */
public record Acknowledgement(String topic, int partition, long offset) {

    public Acknowledgement {
        Objects.requireNonNull(topic, "topic of an acknowledgement");
    }
}
