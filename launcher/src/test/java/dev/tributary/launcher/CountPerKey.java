package dev.tributary.launcher;

import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.stream.StreamBuilder;
import dev.tributary.sdk.stream.StreamFunction;
import dev.tributary.sdk.stream.StreamOutput;
import dev.tributary.sdk.stream.StreamSerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;

/** A stream function for launcher tests: how many events each key has had, updated with every event. */
public final class CountPerKey implements StreamFunction {

    @Override
    public void build(StreamBuilder builder, FunctionConfig config) {
        builder.output(builder.input(String.class)
                        .groupByKey(Grouped.with(Serdes.String(), StreamSerdes.text()))
                        .count(Materialized.with(Serdes.String(), Serdes.Long()))
                        .toStream(),
                StreamOutput.of("com.example.count", DataCodecs.json(Long.class)));
    }
}
