package dev.tributary.launcher;

import dev.tributary.launcher.config.FunctionSettings;
import dev.tributary.launcher.config.TributaryConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "lag",
        description = {
            "Print, per function and partition, how far its consumer group is behind (lag), how fast it commits"
                    + " (rate, over --window) and how long it would take to catch up at that rate (time to drain).",
            "Reads only what Kafka holds: the group's committed offsets and the partitions' end offsets."
        },
        mixinStandardHelpOptions = true)
final class LagCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", defaultValue = "tributary.yaml", paramLabel = "FILE",
            description = "The configuration that declares the functions (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--function", paramLabel = "NAME", description = "Only this function.")
    String function;

    @Option(names = "--window", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to watch the committed offsets to measure the rate, e.g. 5s or 500ms"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "The Kafka cluster; default the config's kafka.bootstrapServers, else the dev broker"
                    + " at 127.0.0.1:9092.")
    String bootstrapServers;

    /** One partition of one function's group: how far behind it is and how fast it moves. */
    record PartitionLag(String function, TopicPartition partition, long lag, double perSecond) {

        /** The time to drain at the measured rate, or empty when nothing is committed during the window. */
        Optional<Duration> timeToDrain() {
            if (lag == 0) {
                return Optional.of(Duration.ZERO);
            }
            return perSecond > 0 ? Optional.of(Duration.ofMillis((long) (lag / perSecond * 1_000))) : Optional.empty();
        }
    }

    @Override
    public Integer call() throws Exception {
        Optional<TributaryConfig> file = CommandConfig.load(config, spec);
        if (file.isEmpty()) {
            return ExitCodes.USAGE;
        }
        TributaryConfig loaded = file.get();
        List<FunctionSettings> functions = loaded.functions().stream()
                .filter(f -> function == null || f.name().equals(function)).toList();
        if (functions.isEmpty()) {
            throw new ParameterException(spec.commandLine(), function == null ? config + " declares no functions"
                    : "--function: " + config + " declares no function named '" + function + "'");
        }
        Map<String, Object> client = CommandConfig.kafkaClient(loaded, bootstrapServers);
        List<PartitionLag> lags = new ArrayList<>();
        try (Admin admin = Admin.create(client)) {
            Map<String, Map<TopicPartition, Long>> before = new HashMap<>();
            for (FunctionSettings settings : functions) {
                before.put(settings.name(), committed(admin, settings.subscribe().group()));
            }
            // Measuring a rate takes time by nature: the committed offsets are read again after the window.
            LockSupport.parkNanos(window.toNanos());
            for (FunctionSettings settings : functions) {
                Map<TopicPartition, Long> after = committed(admin, settings.subscribe().group());
                Map<TopicPartition, Long> end = endOffsets(admin, after);
                after.forEach((partition, offset) -> {
                    long moved = offset - before.get(settings.name()).getOrDefault(partition, offset);
                    lags.add(new PartitionLag(settings.name(), partition, Math.max(0, end.get(partition) - offset),
                            moved / (window.toMillis() / 1_000.0)));
                });
            }
        }
        print(lags, functions);
        return ExitCodes.OK;
    }

    private void print(List<PartitionLag> lags, List<FunctionSettings> functions) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %-32s %10s %12s %14s%n", "FUNCTION", "PARTITION", "LAG", "RATE/S", "TIME TO DRAIN");
        for (PartitionLag lag : lags) {
            out.printf("%-24s %-32s %10d %12.1f %14s%n", lag.function(), lag.partition(), lag.lag(), lag.perSecond(),
                    lag.timeToDrain().map(LagCommand::format).orElse("stalled"));
        }
        for (FunctionSettings settings : functions) {
            if (lags.stream().noneMatch(lag -> lag.function().equals(settings.name()))) {
                out.printf("%-24s (group %s has committed nothing yet)%n", settings.name(), settings.subscribe().group());
            }
        }
        out.flush();
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> committed = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Map<TopicPartition, Long> partitions)
            throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> end = new HashMap<>();
        result.forEach((partition, info) -> end.put(partition, info.offset()));
        return end;
    }

    private static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + "s" : seconds < 3_600 ? seconds / 60 + "m" + seconds % 60 + "s"
                : seconds / 3_600 + "h" + seconds % 3_600 / 60 + "m";
    }
}
