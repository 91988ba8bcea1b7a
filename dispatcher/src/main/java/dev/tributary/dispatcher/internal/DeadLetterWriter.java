package dev.tributary.dispatcher.internal;

import dev.tributary.dispatcher.DeadLetterHeaders;
import dev.tributary.dispatcher.FailureSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes failed records to their dead-letter topic: key, value and headers unchanged, plus the
 * {@link DeadLetterHeaders}. A dead-letter topic that does not exist is created with as many partitions as its
 * source, so that a record keeps its partition number and its key stays with its neighbours.
 */
final class DeadLetterWriter implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final Admin admin;
    private final String functionName;
    private final FailureSettings failures;
    private final Set<String> knownTopics = ConcurrentHashMap.newKeySet();

    DeadLetterWriter(Producer<byte[], byte[]> producer, Map<String, Object> clientProperties, String functionName,
                     FailureSettings failures) {
        this.producer = producer;
        this.admin = Admin.create(adminProperties(clientProperties));
        this.functionName = functionName;
        this.failures = failures;
    }

    /** Writes {@code work}'s record; blocks the calling (virtual) thread until Kafka acknowledged it. */
    void write(Work work) throws ExecutionException, InterruptedException, TimeoutException {
        ConsumerRecord<byte[], byte[]> record = work.record;
        Origin origin = Origin.of(record);
        String topic = failures.deadLetterTopicFor(origin.topic(), functionName);
        ensureTopic(topic, origin.topic());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.REPLAY_PREFIX)) {
                headers.add(header);
            }
        }
        headers(work).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers)).get(60, TimeUnit.SECONDS);
    }

    /** Where a record was first read: its own position, or the one a replay carried along. */
    private record Origin(String topic, String partition, String offset) {
        static Origin of(ConsumerRecord<byte[], byte[]> record) {
            Header topic = record.headers().lastHeader(DeadLetterHeaders.REPLAY_TOPIC);
            if (topic == null) {
                return new Origin(record.topic(), String.valueOf(record.partition()), String.valueOf(record.offset()));
            }
            return new Origin(text(topic), text(record.headers().lastHeader(DeadLetterHeaders.REPLAY_PARTITION)),
                    text(record.headers().lastHeader(DeadLetterHeaders.REPLAY_OFFSET)));
        }

        private static String text(Header header) {
            return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        }
    }

    private Map<String, String> headers(Work work) {
        ConsumerRecord<byte[], byte[]> record = work.record;
        Origin origin = Origin.of(record);
        Throwable error = Failures.unwrap(work.lastError);
        Instant last = work.lastFailure;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DeadLetterHeaders.TOPIC, origin.topic());
        headers.put(DeadLetterHeaders.PARTITION, origin.partition());
        headers.put(DeadLetterHeaders.OFFSET, origin.offset());
        if (record.timestamp() >= 0) {
            headers.put(DeadLetterHeaders.TIMESTAMP, Instant.ofEpochMilli(record.timestamp()).toString());
        }
        headers.put(DeadLetterHeaders.FUNCTION, functionName);
        headers.put(DeadLetterHeaders.ATTEMPTS, String.valueOf(work.attempts));
        headers.put(DeadLetterHeaders.ERROR_CLASS, error.getClass().getName());
        headers.put(DeadLetterHeaders.ERROR_MESSAGE, cut(String.valueOf(error.getMessage()), DeadLetterHeaders.MESSAGE_LIMIT));
        headers.put(DeadLetterHeaders.ERROR_STACK_TRACE, cut(stackTrace(error), DeadLetterHeaders.STACK_TRACE_LIMIT));
        headers.put(DeadLetterHeaders.FIRST_FAILURE, Optional.ofNullable(work.firstFailure).orElse(last).toString());
        headers.put(DeadLetterHeaders.LAST_FAILURE, last.toString());
        return headers;
    }

    private void ensureTopic(String topic, String source) throws ExecutionException, InterruptedException, TimeoutException {
        if (knownTopics.contains(topic)) {
            return;
        }
        int partitions = admin.describeTopics(List.of(source)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(source).partitions().size();
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        knownTopics.add(topic);
    }

    @Override
    public void close() {
        admin.close();
    }

    private static Map<String, Object> adminProperties(Map<String, Object> clientProperties) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        // Consumer-only settings mean nothing to an admin client and would be logged as unknown.
        properties.keySet().removeIf(name -> name.startsWith("group.") || name.startsWith("auto.")
                || name.startsWith("enable.") || name.startsWith("max.poll") || name.contains("deserializer")
                || name.startsWith("fetch.") || name.startsWith("partition.assignment") || name.equals("client.id"));
        properties.put("client.id", "tributary-dlt-" + ProcessHandle.current().pid());
        return properties;
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }
}
