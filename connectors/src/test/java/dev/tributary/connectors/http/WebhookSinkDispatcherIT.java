package dev.tributary.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.connectors.SinkRunner;
import dev.tributary.connectors.http.WebhookReceiver.Answer;
import dev.tributary.dispatcher.DeadLetterHeaders;
import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.dispatcher.FunctionDispatcher;
import dev.tributary.dispatcher.RetryPolicy;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook sink run by a real dispatcher on a real broker: retries and dead letters as for any function. */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class WebhookSinkDispatcherIT {

    private static final FailureSettings FAST_RETRIES = new FailureSettings(Duration.ofSeconds(10),
            new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200), 2.0, 0.2), Optional.empty());

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private List<String> receivedIds() {
        return receiver.received().stream().map(WebhookReceiver.Received::eventId).toList();
    }

    @Test
    void aReceiverAnswering503ThenOkGetsTheEventAgainAndTheKeyWaitsForIt(@BootstrapServers String bootstrap)
            throws Exception {
        String topic = "hook-retries";
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        receiver.answer(request -> {
            String id = request.eventId();
            boolean first = attempts.computeIfAbsent(id, ignored -> new AtomicInteger()).incrementAndGet() == 1;
            return id.equals("r-1") && first ? Answer.status(503, "warming up").withHeader("Retry-After", "0")
                    : Answer.status(200);
        });
        try (SinkRunner runner = new SinkRunner(bootstrap)) {
            FunctionDispatcher dispatcher = runner.start("retry-hook", topic, new WebhookSink(),
                    Map.of("url", receiver.url("/readings")), FAST_RETRIES);
            runner.publish(topic, "r-1", "d-1", "{\"celsius\": 21.5}");
            runner.publish(topic, "r-2", "d-1", "{\"celsius\": 21.6}");
            runner.publish(topic, "r-3", "d-1", "{\"celsius\": 21.7}");

            await().atMost(Duration.ofSeconds(60)).until(() -> dispatcher.stats().succeeded() == 3);

            assertThat(dispatcher.stats().retried()).isEqualTo(1);
            assertThat(dispatcher.stats().deadLettered()).isZero();
        }
        assertThat(receivedIds()).as("r-1 twice, and the rest of its key only after it")
                .containsExactly("r-1", "r-1", "r-2", "r-3");
        assertThat(receiver.received().get(1).header("ce-partitionkey")).contains("d-1");
        assertThat(receiver.received().get(1).bodyText()).isEqualTo("{\"celsius\": 21.5}");
    }

    @Test
    void anEventTheReceiverRejectsWith400GoesToTheDeadLetterTopicAtOnce(@BootstrapServers String bootstrap)
            throws Exception {
        String topic = "hook-rejects";
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        receiver.answer(request -> request.eventId().equals("bad")
                ? Answer.status(400, "unknown device d-9") : Answer.status(204));
        try (SinkRunner runner = new SinkRunner(bootstrap)) {
            FunctionDispatcher dispatcher = runner.start("reject-hook", topic, new WebhookSink(),
                    Map.of("url", receiver.url("/readings"), "format", "structured"), FAST_RETRIES);
            runner.publish(topic, "ok-1", "d-9", "{\"celsius\": 20}");
            runner.publish(topic, "bad", "d-9", "{\"celsius\": 99}");
            runner.publish(topic, "ok-2", "d-9", "{\"celsius\": 21}");

            await().atMost(Duration.ofSeconds(60)).until(() -> dispatcher.stats().succeeded() == 2
                    && dispatcher.stats().deadLettered() == 1);
            assertThat(dispatcher.stats().retried()).isZero();
        }
        assertThat(receivedIds()).containsExactly("ok-1", "bad", "ok-2");

        List<ConsumerRecord<String, String>> deadLetters =
                KafkaTestClients.readTopic(bootstrap, topic + ".reject-hook.dlt", Duration.ofSeconds(30));
        assertThat(deadLetters).hasSize(1);
        ConsumerRecord<String, String> deadLetter = deadLetters.get(0);
        assertThat(deadLetter.value()).as("the record as it was").isEqualTo("{\"celsius\": 99}");
        assertThat(SinkRunner.header(deadLetter, "ce_id")).isEqualTo("bad");
        assertThat(SinkRunner.errorClass(deadLetter)).isEqualTo(NonRetryableException.class.getName());
        assertThat(SinkRunner.header(deadLetter, DeadLetterHeaders.ERROR_MESSAGE))
                .startsWith("webhook reject-hook at http://127.0.0.1:")
                .endsWith("answered HTTP 400: unknown device d-9");
        assertThat(SinkRunner.header(deadLetter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
    }
}
