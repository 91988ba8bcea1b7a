package dev.tributary.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.RetryableException;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Functions that fail, throw something final, or hang, against a real broker. */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class FailureHandlingIT {

    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(30, Duration.ofMillis(1), Duration.ofMillis(20), 2.0, 0.5);

    /** Fails 30 % of its invocations with a retryable error; records, per key, the sequence it completed. */
    static final class Flaky implements EventFunction<String> {
        final Map<String, List<Integer>> completedByKey = new ConcurrentHashMap<>();
        final AtomicInteger failures = new AtomicInteger();

        @Override
        public void handle(Event<String> event, Context context) {
            if (ThreadLocalRandom.current().nextDouble() < 0.3) {
                failures.incrementAndGet();
                throw new RetryableException("downstream busy");
            }
            String[] keyAndSequence = event.data().split(":");
            completedByKey.computeIfAbsent(keyAndSequence[0], k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(Integer.parseInt(keyAndSequence[1]));
        }
    }

    /** Rejects the record whose data is "poison", and hangs on "hang" until it is interrupted. */
    static final class Picky implements EventFunction<String> {
        final List<String> handled = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void handle(Event<String> event, Context context) {
            if (event.data().equals("poison")) {
                throw new NonRetryableException("poison is not a reading");
            }
            if (event.data().equals("hang")) {
                // The workload of a function that never answers: it parks until the dispatcher gives up on it.
                while (!Thread.currentThread().isInterrupted()) {
                    LockSupport.park(this);
                }
                return;
            }
            handled.add(event.data());
        }
    }

    @Test
    void aFunctionFailingThirtyPercentOfTheTimeLosesNothingAndKeepsKeyOrder(@BootstrapServers String bootstrap)
            throws Exception {
        String topic = "flaky";
        KafkaTestClients.createTopic(bootstrap, topic, 6, (short) 1, Map.of());
        int keys = 100;
        int perKey = 30;
        try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
            for (int sequence = 0; sequence < perKey; sequence++) {
                for (int key = 0; key < keys; key++) {
                    producer.send(new ProducerRecord<>(topic, "k" + key, "k" + key + ":" + sequence));
                }
            }
        }
        Flaky flaky = new Flaky();
        try (DispatcherFixture fixture = new DispatcherFixture(bootstrap)) {
            FunctionDispatcher dispatcher = fixture.start(fixture.settings("flaky", topic).withConcurrency(32),
                    FailureSettings.DEFAULT.withRetry(FAST_RETRIES), flaky, Optional.empty());

            await().atMost(Duration.ofSeconds(90)).until(() -> dispatcher.stats().succeeded() == keys * perKey);

            assertThat(flaky.failures.get()).isGreaterThan(keys * perKey / 10);
            assertThat(dispatcher.stats().retried()).isEqualTo(flaky.failures.get());
            assertThat(dispatcher.stats().deadLettered()).isZero();
        }
        assertThat(flaky.completedByKey).hasSize(keys);
        flaky.completedByKey.forEach((key, sequence) -> assertThat(sequence).as("key " + key)
                .isEqualTo(IntStream.range(0, perKey).boxed().toList()));
    }

    @Test
    void poisonAndHangingRecordsGoToTheDeadLetterTopicWithEveryHeaderWhileThePartitionMovesOn(
            @BootstrapServers String bootstrap) throws Exception {
        String topic = "picky";
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        try (KafkaProducer<String, String> producer = KafkaTestClients.durableProducer(bootstrap)) {
            for (int i = 0; i < 20; i++) {
                String data = i == 5 ? "poison" : i == 12 ? "hang" : "reading-" + i;
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, "device-1", data);
                record.headers().add("origin", "sensor".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }
        Picky picky = new Picky();
        FailureSettings failures = new FailureSettings(Duration.ofMillis(500),
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), 1.0, 0.0), Optional.empty());
        try (DispatcherFixture fixture = new DispatcherFixture(bootstrap)) {
            FunctionDispatcher dispatcher = fixture.start(fixture.settings("picky", topic), failures, picky,
                    Optional.empty());

            await().atMost(Duration.ofSeconds(60)).until(() -> dispatcher.stats().deadLettered() == 2
                    && picky.handled.size() == 18);
            assertThat(picky.handled).as("the key's order held around the failures")
                    .isEqualTo(IntStream.range(0, 20).filter(i -> i != 5 && i != 12)
                            .mapToObj(i -> "reading-" + i).toList());
        }

        List<ConsumerRecord<String, String>> deadLetters =
                KafkaTestClients.readTopic(bootstrap, "picky.picky.dlt", Duration.ofSeconds(30));
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly("poison", "hang");
        ConsumerRecord<String, String> poison = deadLetters.get(0);
        assertThat(poison.key()).isEqualTo("device-1");
        assertThat(header(poison, "origin")).isEqualTo("sensor");
        assertThat(header(poison, DeadLetterHeaders.TOPIC)).isEqualTo(topic);
        assertThat(header(poison, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(header(poison, DeadLetterHeaders.OFFSET)).isEqualTo("5");
        assertThat(header(poison, DeadLetterHeaders.FUNCTION)).isEqualTo("picky");
        assertThat(header(poison, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(poison, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(NonRetryableException.class.getName());
        assertThat(header(poison, DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("poison is not a reading");
        assertThat(header(poison, DeadLetterHeaders.ERROR_STACK_TRACE)).contains("Picky.handle");
        assertThat(header(poison, DeadLetterHeaders.TIMESTAMP)).isNotBlank();
        assertThat(header(poison, DeadLetterHeaders.FIRST_FAILURE)).isEqualTo(header(poison, DeadLetterHeaders.LAST_FAILURE));
        ConsumerRecord<String, String> hang = deadLetters.get(1);
        assertThat(header(hang, DeadLetterHeaders.ATTEMPTS)).isEqualTo("2");
        assertThat(header(hang, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("java.util.concurrent.TimeoutException");
        assertThat(header(hang, DeadLetterHeaders.ERROR_MESSAGE)).contains("did not finish within PT0.5S");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
