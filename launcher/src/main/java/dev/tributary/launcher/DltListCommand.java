package dev.tributary.launcher;

import dev.tributary.dispatcher.DeadLetterHeaders;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "list",
        description = "Print the latest dead letters of a function, each with where it came from and why it failed.",
        mixinStandardHelpOptions = true)
final class DltListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DeadLetterSource source;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N",
            description = "How many of the latest dead letters to print per topic (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        Optional<DeadLetterSource.Target> target = source.resolve(spec);
        if (target.isEmpty()) {
            return ExitCodes.USAGE;
        }
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit: must be at least 1, not " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> topics = DeadLetterTopics.existing(target.get().function(), target.get().client());
        if (topics.isEmpty()) {
            out.println(source.function + ": no dead letters");
        }
        for (String topic : topics) {
            List<ConsumerRecord<byte[], byte[]>> read = DeadLetterTopics.read(topic, target.get().client(), limit);
            List<ConsumerRecord<byte[], byte[]>> latest = read.subList(Math.max(0, read.size() - limit), read.size());
            out.println(topic + ": " + (latest.isEmpty() ? "no dead letters" : "the latest " + latest.size()));
            latest.forEach(record -> out.println("  " + describe(record)));
        }
        out.flush();
        return ExitCodes.OK;
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
