package dev.tributary.sdk.stream;

import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.sdk.FunctionConfig;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The example stream function: per key, the count, sum and average of JSON readings {@code {"value": n}} in
 * tumbling windows of {@code config.windowSeconds} (60 by default), updated with every reading.
 */
final class WindowAverage implements StreamFunction {

    static final String OUTPUT_TYPE = "com.example.reading.average";

    record Reading(double value) {
    }

    record Average(long count, double sum, double average) {
        static final Average NONE = new Average(0, 0, 0);

        Average add(double value) {
            return new Average(count + 1, sum + value, (sum + value) / (count + 1));
        }
    }

    @Override
    public void build(StreamBuilder builder, FunctionConfig config) {
        Duration window = Duration.ofMillis((long) (config.number("windowSeconds", 60) * 1_000));
        KStream<Windowed<String>, Average> averages = builder.input(Reading.class)
                .groupByKey(Grouped.with(Serdes.String(), StreamSerdes.json(Reading.class)))
                .windowedBy(TimeWindows.ofSizeWithNoGrace(window))
                .aggregate(() -> Average.NONE, (key, reading, average) -> average.add(reading.value()),
                        Materialized.<String, Average, WindowStore<Bytes, byte[]>>as("averages")
                                .withKeySerde(Serdes.String())
                                .withValueSerde(StreamSerdes.json(Average.class)))
                .toStream();
        builder.output(averages, StreamOutput.of(OUTPUT_TYPE, DataCodecs.json(Average.class)));
    }
}
