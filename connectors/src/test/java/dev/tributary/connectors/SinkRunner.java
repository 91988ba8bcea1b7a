package dev.tributary.connectors;

import dev.tributary.dispatcher.DeadLetterHeaders;
import dev.tributary.dispatcher.DispatcherSettings;
import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.dispatcher.FunctionDispatcher;
import dev.tributary.dispatcher.InProcessInvoker;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.FunctionLifecycle;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Runs sinks as Tributary runs any function: opened with their {@code config} by the in-process invoker, inside a
 * {@link FunctionDispatcher} consuming a real topic, with retries and a dead-letter topic. Everything it started is
 * stopped by {@link #close()}.
 */
public final class SinkRunner implements AutoCloseable {

    private final String bootstrap;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaEventCodec codec = new KafkaEventCodec();
    private final List<FunctionDispatcher> dispatchers = new ArrayList<>();

    public SinkRunner(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Starts {@code sink} as function {@code name} on {@code topic}, read from the beginning. */
    public FunctionDispatcher start(String name, String topic, FunctionLifecycle sink, Map<String, Object> config,
                                    FailureSettings failures) throws Exception {
        return start(name, topic, sink, config, failures, UnaryOperator.identity());
    }

    /**
     * Starts {@code sink} as function {@code name} on {@code topic}, read from the beginning, with the subscription's
     * defaults changed by {@code subscription} (its ordering, its concurrency).
     */
    public FunctionDispatcher start(String name, String topic, FunctionLifecycle sink, Map<String, Object> config,
                                    FailureSettings failures, UnaryOperator<DispatcherSettings> subscription)
            throws Exception {
        DispatcherSettings settings = subscription.apply(DispatcherSettings.forTopics(name, List.of(topic), Map.of(
                "bootstrap.servers", bootstrap,
                "auto.offset.reset", "earliest")));
        InProcessInvoker invoker = InProcessInvoker.open(new FunctionConfig(name, config), sink, Optional.empty(),
                producer, Clock.systemUTC(), failures.timeout());
        FunctionDispatcher dispatcher = new FunctionDispatcher(settings, failures, invoker, producer,
                new Semaphore(1_000), Clock.systemUTC());
        dispatchers.add(dispatcher);
        return dispatcher.start();
    }

    /** Writes a binary-mode CloudEvent with JSON data, keyed, and waits for Kafka to acknowledge it. */
    public void publish(String topic, String id, String key, String json) throws Exception {
        producer.send(codec.encode(topic, event(id, key, json))).get(30, TimeUnit.SECONDS);
    }

    /** Writes a keyed event, as {@link #publish(String, String, String, String)}, to one partition of the topic. */
    public void publish(String topic, int partition, String id, String key, String json) throws Exception {
        ProducerRecord<byte[], byte[]> record = codec.encode(topic, event(id, key, json));
        producer.send(new ProducerRecord<>(topic, partition, record.key(), record.value(), record.headers()))
                .get(30, TimeUnit.SECONDS);
    }

    /** Writes an event with neither a record key nor a {@code partitionkey}. */
    public void publishWithoutKey(String topic, String id, String json) throws Exception {
        producer.send(codec.encode(topic, CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("https://fleet.example.com"))
                .withType("com.example.broadcast")
                .withData("application/json", json.getBytes(StandardCharsets.UTF_8))
                .build())).get(30, TimeUnit.SECONDS);
    }

    private static CloudEvent event(String id, String key, String json) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("mqtt://devices/" + key))
                .withType("com.example.reading")
                .withExtension(KafkaEventCodec.PARTITION_KEY, key)
                .withData("application/json", json.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** A dead-letter header's value as text. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new AssertionError("the dead letter has no header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The header that names the failure's class. */
    public static String errorClass(ConsumerRecord<?, ?> record) {
        return header(record, DeadLetterHeaders.ERROR_CLASS);
    }

    @Override
    public void close() {
        try {
            for (FunctionDispatcher dispatcher : dispatchers) {
                dispatcher.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the sinks", e);
        } finally {
            producer.close();
        }
    }
}
