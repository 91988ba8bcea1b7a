package dev.tributary.dispatcher;

import dev.tributary.dispatcher.metrics.DispatcherMetrics;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.FunctionLifecycle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Dispatchers for SDK functions against a test cluster, stopped together at the end of a test. */
final class DispatcherFixture implements AutoCloseable {

    private final String bootstrap;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Semaphore processPermits = new Semaphore(1_000);
    private final List<FunctionDispatcher> dispatchers = new ArrayList<>();

    DispatcherFixture(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Settings reading {@code topic} from the beginning, with the dispatcher's defaults otherwise. */
    DispatcherSettings settings(String function, String topic) {
        return DispatcherSettings.forTopics(function, List.of(topic), Map.of(
                "bootstrap.servers", bootstrap,
                "auto.offset.reset", "earliest"));
    }

    FunctionDispatcher start(DispatcherSettings settings, FunctionLifecycle function, Optional<String> outputTopic)
            throws Exception {
        return start(settings, FailureSettings.DEFAULT, function, outputTopic);
    }

    FunctionDispatcher start(DispatcherSettings settings, FailureSettings failures, FunctionLifecycle function,
                             Optional<String> outputTopic) throws Exception {
        return start(settings, failures, function, outputTopic, DispatcherMetrics.noop());
    }

    FunctionDispatcher start(DispatcherSettings settings, FailureSettings failures, FunctionLifecycle function,
                             Optional<String> outputTopic, DispatcherMetrics metrics) throws Exception {
        InProcessInvoker invoker = InProcessInvoker.open(FunctionConfig.empty(settings.functionName()), function,
                outputTopic, producer, Clock.systemUTC(), failures.timeout());
        return start(settings, failures, invoker, metrics);
    }

    /** A dispatcher around any invoker, such as a remote function's. */
    FunctionDispatcher start(DispatcherSettings settings, FailureSettings failures, FunctionInvoker invoker,
                             DispatcherMetrics metrics) {
        FunctionDispatcher dispatcher = new FunctionDispatcher(settings, failures, invoker, producer, processPermits,
                Clock.systemUTC(), metrics);
        dispatchers.add(dispatcher);
        return dispatcher.start();
    }

    /** The shared producer, idempotent with {@code acks=all}, that invokers write outputs with. */
    KafkaProducer<byte[], byte[]> producer() {
        return producer;
    }

    @Override
    public void close() throws Exception {
        for (FunctionDispatcher dispatcher : dispatchers) {
            dispatcher.close();
        }
        producer.close();
    }
}
