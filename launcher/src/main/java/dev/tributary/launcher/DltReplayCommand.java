package dev.tributary.launcher;

import dev.tributary.dispatcher.DeadLetterHeaders;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "replay",
        description = {
            "Send a function's dead letters back to that function only, through its replay topic"
                    + " (tributary.<function>.replay), which no other subscriber of the source topic reads.",
            "Records keep their key, value and headers, so per-key order holds among them; one that fails again goes"
                    + " back to the same dead-letter topic. Dead letters stay where they are: replaying twice sends"
                    + " them twice, so narrow a second replay with --since."
        },
        mixinStandardHelpOptions = true)
final class DltReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DeadLetterSource source;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only dead letters written at or after this instant, e.g. 2026-11-23T10:00:00Z.")
    String since;

    @Option(names = "--rate", paramLabel = "N", description = "Send at most N records a second (default: no limit).")
    Integer rate;

    @Option(names = "--dry-run", description = "Count what would be replayed and send nothing.")
    boolean dryRun;


    @Override
    public Integer call() throws Exception {
        Optional<DeadLetterSource.Target> target = source.resolve(spec);
        if (target.isEmpty()) {
            return ExitCodes.USAGE;
        }
        String function = source.function;
        Instant from = parseSince();
        if (rate != null && rate < 1) {
            throw new ParameterException(spec.commandLine(), "--rate: must be at least 1 record a second, not " + rate);
        }
        Map<String, Object> client = target.get().client();
        String replayTopic = DeadLetterHeaders.replayTopic(function);
        PrintWriter out = spec.commandLine().getOut();
        if (!dryRun) {
            ensureTopic(client, replayTopic);
        }
        long sent = 0;
        long skipped = 0;
        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = dryRun ? null : producer(client)) {
            for (String topic : DeadLetterTopics.existing(target.get().function(), client)) {
                for (ConsumerRecord<byte[], byte[]> record : DeadLetterTopics.read(topic, client, Long.MAX_VALUE)) {
                    if (record.timestamp() < from.toEpochMilli()) {
                        skipped++;
                        continue;
                    }
                    if (!dryRun) {
                        pace(sent, started);
                        producer.send(replayed(record, replayTopic));
                    }
                    sent++;
                }
            }
            if (producer != null) {
                producer.flush();
            }
        }
        out.println((dryRun ? "would replay " : "replayed ") + sent + " dead letters of " + function + " to "
                + replayTopic + (skipped > 0 ? " (" + skipped + " written before --since left out)" : ""));
        out.flush();
        return ExitCodes.OK;
    }

    /** The dead letter as its function first saw it: its own headers, and where it came from. */
    private static ProducerRecord<byte[], byte[]> replayed(ConsumerRecord<byte[], byte[]> deadLetter, String topic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX) && !header.key().startsWith(DeadLetterHeaders.REPLAY_PREFIX)) {
                headers.add(header);
            }
        }
        copy(deadLetter, DeadLetterHeaders.TOPIC, headers, DeadLetterHeaders.REPLAY_TOPIC);
        copy(deadLetter, DeadLetterHeaders.PARTITION, headers, DeadLetterHeaders.REPLAY_PARTITION);
        copy(deadLetter, DeadLetterHeaders.OFFSET, headers, DeadLetterHeaders.REPLAY_OFFSET);
        return new ProducerRecord<>(topic, null, deadLetter.key(), deadLetter.value(), headers);
    }

    private static void copy(ConsumerRecord<?, ?> from, String name, RecordHeaders to, String as) {
        Header header = from.headers().lastHeader(name);
        if (header != null) {
            to.add(as, header.value());
        }
    }

    /** Waits, when a rate is set, until sending one more keeps the average under it. */
    private void pace(long sent, long startedNanos) {
        if (rate == null) {
            return;
        }
        long due = startedNanos + TimeUnit.SECONDS.toNanos(sent) / rate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private Instant parseSince() {
        if (since == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--since: '" + since
                    + "' is not an ISO-8601 instant such as 2026-11-23T10:00:00Z");
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(Map<String, Object> client) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put("acks", "all");
        properties.put("enable.idempotence", true);
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** One partition: the replay is small, and one partition keeps every replayed record in its original order. */
    private static void ensureTopic(Map<String, Object> client, String topic) throws Exception {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
