package dev.tributary.launcher.demo;

import dev.tributary.dispatcher.metrics.DispatcherMetrics;
import dev.tributary.launcher.config.FunctionCode;
import dev.tributary.launcher.config.FunctionSettings;
import dev.tributary.launcher.config.OutputSettings;
import dev.tributary.launcher.config.TopicSelection;
import dev.tributary.launcher.config.TributaryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records the functions still have to handle: the event functions' lag as their dispatchers report it, and the
 * stream functions' from their consumer groups ({@code tributary.<name>}), whose offsets Kafka Streams commits with
 * their outputs.
 */
public final class PipelineLag implements AutoCloseable {

    private final MeterRegistry registry;
    private final Admin admin;
    /** Each stream function's name and its input topic. */
    private final Map<String, String> streamInputs;
    /** The stream functions' output topics, which are written in transactions. */
    private final Set<String> streamOutputs;

    public PipelineLag(TributaryConfig config, MeterRegistry registry, String bootstrapServers) {
        this.registry = registry;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
        this.streamInputs = config.functions().stream()
                .filter(function -> function.code() instanceof FunctionCode.Stream)
                .filter(function -> function.subscribe().topics() instanceof TopicSelection.Listed listed
                        && listed.topics().size() == 1)
                .collect(Collectors.toMap(FunctionSettings::name,
                        function -> ((TopicSelection.Listed) function.subscribe().topics()).topics().getFirst()));
        this.streamOutputs = config.functions().stream()
                .filter(function -> function.code() instanceof FunctionCode.Stream)
                .flatMap(function -> function.output().map(OutputSettings::topic).stream())
                .collect(Collectors.toSet());
    }

    /**
     * The event functions' records not yet done. A stream function writes its output in transactions, and the commit
     * marker that ends the last one is an offset the dispatcher's gauge counts until the next record comes; it is left
     * out, so that a pipeline at rest shows no lag.
     */
    public long eventFunctions() {
        return Math.round(registry.find(DispatcherMetrics.CONSUMER_LAG).gauges().stream()
                .mapToDouble(gauge -> streamOutputs.contains(gauge.getId().getTag(DispatcherMetrics.TAG_TOPIC))
                        ? Math.max(0, gauge.value() - 1) : gauge.value())
                .filter(value -> !Double.isNaN(value)).sum());
    }

    /** The stream function's records of {@code topic} not yet committed, or -1 when Kafka does not answer in time. */
    public long streamFunction(String functionName, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("tributary." + functionName)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .collect(Collectors.toMap(info -> new TopicPartition(topic, info.partition()),
                            info -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(5, TimeUnit.SECONDS);
            return ends.entrySet().stream().mapToLong(end -> {
                OffsetAndMetadata offset = committed.get(end.getKey());
                return Math.max(0, end.getValue().offset() - (offset == null ? 0 : offset.offset()));
            }).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Every function's lag: the event functions' and the stream functions' on their input topics. */
    public long total() {
        long total = eventFunctions();
        for (Map.Entry<String, String> stream : streamInputs.entrySet()) {
            total += Math.max(0, streamFunction(stream.getKey(), stream.getValue()));
        }
        return total;
    }

    @Override
    public void close() {
        admin.close();
    }
}
