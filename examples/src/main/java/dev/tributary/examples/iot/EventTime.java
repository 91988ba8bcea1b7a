package dev.tributary.examples.iot;

import java.util.function.ToLongFunction;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Gives each record of a stream the time its value says it happened, for the windows after it.
 *
 * <p>Kafka Streams windows records by their timestamps, and those are when the step before wrote them to Kafka. For
 * readings that is close to when they were taken, until a backlog builds up or dead letters are replayed: then
 * readings would land in the minute they were processed. Taking the time from the value puts them in the minute they
 * were taken. The key is kept, so grouping by it afterwards needs no repartition topic.
 */
final class EventTime {

    private EventTime() {
    }

    /** A {@code processValues} step setting each record's timestamp to {@code time} of its value, in epoch millis. */
    static <K, V> FixedKeyProcessorSupplier<K, V, V> from(ToLongFunction<V> time) {
        return () -> new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<K, V> context;

            @Override
            public void init(FixedKeyProcessorContext<K, V> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<K, V> record) {
                context.forward(record.withTimestamp(time.applyAsLong(record.value())));
            }
        };
    }
}
