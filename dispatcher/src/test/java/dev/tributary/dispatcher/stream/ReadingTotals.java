package dev.tributary.dispatcher.stream;

import dev.tributary.schemas.codec.DataCodecs;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.stream.StreamBuilder;
import dev.tributary.sdk.stream.StreamFunction;
import dev.tributary.sdk.stream.StreamOutput;
import dev.tributary.sdk.stream.StreamSerdes;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The stream function of these tests: per key and one-minute tumbling window, the count, sum and average of
 * readings {@code {"value": n}}, written on every update. Integer values keep the sums exact.
 *
 * <p>Test hooks, from its config: a reading of {@code failOn} throws an {@code IllegalStateException} and one of
 * {@code rejectOn} a {@code NonRetryableException}. A {@link ReadingHook} runs before each reading is aggregated.
 */
final class ReadingTotals implements StreamFunction {

    static final String OUTPUT_TYPE = "com.example.reading.totals";

    record Reading(long value) {
    }

    record Totals(long count, long sum, double average) {
        static final Totals NONE = new Totals(0, 0, 0);

        Totals add(long value) {
            return new Totals(count + 1, sum + value, (double) (sum + value) / (count + 1));
        }
    }

    /** Runs on the stream thread before each reading is aggregated, in processing order. */
    @FunctionalInterface
    interface ReadingHook {
        /** @param requestCommit asks Kafka Streams to commit once the current reading is processed */
        void beforeAggregating(Runnable requestCommit);
    }

    private final ReadingHook hook;

    ReadingTotals() {
        this(requestCommit -> { });
    }

    ReadingTotals(ReadingHook hook) {
        this.hook = hook;
    }

    @Override
    public void build(StreamBuilder builder, FunctionConfig config) {
        long failOn = (long) config.number("failOn", Double.NaN);
        long rejectOn = (long) config.number("rejectOn", Double.NaN);
        boolean failing = config.values().containsKey("failOn");
        boolean rejecting = config.values().containsKey("rejectOn");
        KStream<Windowed<String>, Totals> totals = builder.input(Reading.class)
                .peek((key, reading) -> {
                    if (failing && reading.value() == failOn) {
                        throw new IllegalStateException("reading " + failOn + " breaks the function");
                    }
                    if (rejecting && reading.value() == rejectOn) {
                        throw new NonRetryableException("reading " + rejectOn + " is not allowed");
                    }
                })
                .processValues(() -> new HookStep(hook))
                .groupByKey(Grouped.with(Serdes.String(), StreamSerdes.json(Reading.class)))
                .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1)))
                .aggregate(() -> Totals.NONE, (key, reading, sum) -> sum.add(reading.value()),
                        Materialized.<String, Totals, WindowStore<Bytes, byte[]>>as("totals")
                                .withKeySerde(Serdes.String())
                                .withValueSerde(StreamSerdes.json(Totals.class)))
                .toStream();
        builder.output(totals, StreamOutput.of(OUTPUT_TYPE, DataCodecs.json(Totals.class)));
    }

    /** Hands the hook a way to request a commit, which only a processor's context can. */
    private static final class HookStep implements FixedKeyProcessor<String, Reading, Reading> {
        private final ReadingHook hook;
        private FixedKeyProcessorContext<String, Reading> context;

        HookStep(ReadingHook hook) {
            this.hook = hook;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Reading> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, Reading> record) {
            hook.beforeAggregating(context::commit);
            context.forward(record);
        }
    }
}
