package dev.tributary.launcher;

import dev.tributary.dispatcher.DeadLetterHeaders;
import dev.tributary.launcher.config.FunctionSettings;
import dev.tributary.launcher.config.TributaryConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "list",
        description = "Print the latest dead letters of a function, each with where it came from and why it failed.",
        mixinStandardHelpOptions = true)
final class DltListCommand implements Callable<Integer> {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", defaultValue = "tributary.yaml", paramLabel = "FILE",
            description = "The configuration that declares the function (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--function", required = true, paramLabel = "NAME", description = "The function's name.")
    String function;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N",
            description = "How many of the latest dead letters to print per topic (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "The Kafka cluster; default the config's kafka.bootstrapServers, else the dev broker"
                    + " at 127.0.0.1:9092.")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        Optional<TributaryConfig> file = CommandConfig.load(config, spec);
        if (file.isEmpty()) {
            return ExitCodes.USAGE;
        }
        TributaryConfig loaded = file.get();
        FunctionSettings settings = loaded.functions().stream().filter(f -> f.name().equals(function)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "--function: " + config
                        + " declares no function named '" + function + "'"));
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit: must be at least 1, not " + limit);
        }
        Map<String, Object> client = CommandConfig.kafkaClient(loaded, bootstrapServers);
        PrintWriter out = spec.commandLine().getOut();
        List<String> topics = DeadLetterTopics.existing(settings, client);
        if (topics.isEmpty()) {
            out.println(function + ": no dead letters");
        }
        for (String topic : topics) {
            List<ConsumerRecord<byte[], byte[]>> latest = latest(topic, client);
            out.println(topic + ": " + (latest.isEmpty() ? "no dead letters" : "the latest " + latest.size()));
            latest.forEach(record -> out.println("  " + describe(record)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<ConsumerRecord<byte[], byte[]>> latest(String topic, Map<String, Object> client) {
        Map<String, Object> consumer = new HashMap<>(client);
        consumer.put("enable.auto.commit", false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> reader =
                     new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            reader.assign(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, Long> begin = reader.beginningOffsets(partitions, READ_TIMEOUT);
            for (TopicPartition partition : partitions) {
                reader.seek(partition, Math.max(begin.get(partition), end.get(partition) - limit));
            }
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
        return records.subList(Math.max(0, records.size() - limit), records.size());
    }

    private static String describe(ConsumerRecord<byte[], byte[]> record) {
        return header(record, DeadLetterHeaders.TOPIC) + "-" + header(record, DeadLetterHeaders.PARTITION) + "@"
                + header(record, DeadLetterHeaders.OFFSET)
                + " key=" + (record.key() == null ? "null" : new String(record.key(), StandardCharsets.UTF_8))
                + " attempts=" + header(record, DeadLetterHeaders.ATTEMPTS)
                + " last failure " + header(record, DeadLetterHeaders.LAST_FAILURE)
                + ": " + header(record, DeadLetterHeaders.ERROR_CLASS) + ": "
                + header(record, DeadLetterHeaders.ERROR_MESSAGE);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
