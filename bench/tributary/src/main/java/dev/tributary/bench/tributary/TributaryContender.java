package dev.tributary.bench.tributary;

import dev.tributary.bench.core.Contender;
import dev.tributary.bench.core.ContenderArgs;
import dev.tributary.bench.core.ContenderMain;
import dev.tributary.bench.core.Workload;
import dev.tributary.dispatcher.DispatcherSettings;
import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.dispatcher.FunctionDispatcher;
import dev.tributary.dispatcher.InProcessInvoker;
import dev.tributary.dispatcher.OrderingMode;
import dev.tributary.sdk.FunctionConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Tributary as a user runs one function with it: a {@link FunctionDispatcher} with the settings' defaults but
 * for the ordering and the concurrency cap the scenario asks for, an {@link InProcessInvoker} around an SDK
 * function, and the process's shared producer (idempotent, {@code acks=all}) for dead letters, which this
 * workload never writes.
 */
public final class TributaryContender implements Contender {

    private TributaryContender() {
    }

    public static void main(String[] args) {
        ContenderMain.run(args, new TributaryContender());
    }

    @Override
    public AutoCloseable start(ContenderArgs args, Workload workload) throws Exception {
        DispatcherSettings settings = settings(args);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer());
        Clock clock = Clock.systemUTC();
        FailureSettings failures = FailureSettings.DEFAULT;
        InProcessInvoker invoker = InProcessInvoker.open(FunctionConfig.empty(settings.functionName()),
                new BenchFunction(workload),
                Optional.empty(), producer, clock, failures.timeout());
        FunctionDispatcher dispatcher = new FunctionDispatcher(settings, failures, invoker, producer,
                new Semaphore(args.cap()), clock).start();
        return () -> {
            dispatcher.stop(Duration.ofSeconds(10));
            producer.close(Duration.ofSeconds(5));
        };
    }

    /**
     * The defaults of {@link DispatcherSettings#forTopics} with the scenario's ordering and a fixed concurrency of
     * the cap (no adaptive limit below it, as Parallel Consumer's {@code maxConcurrency} is fixed too). A function's
     * consumer group is {@code tributary.<function name>}, so the runner names the group that way.
     */
    static DispatcherSettings settings(ContenderArgs args) {
        String functionName = args.group().substring(args.group().indexOf('.') + 1);
        DispatcherSettings settings = DispatcherSettings.forTopics(functionName, List.of(args.topic()),
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"))
                .withOrdering(ordering(args.ordering()))
                .withConcurrency(args.cap(), args.cap());
        if (!settings.groupId().equals(args.group())) {
            throw new IllegalArgumentException("the runner named the group " + args.group() + " but function "
                    + functionName + " consumes in " + settings.groupId());
        }
        return settings;
    }

    private static OrderingMode ordering(ContenderArgs.Ordering ordering) {
        return switch (ordering) {
            case KEY -> OrderingMode.KEY;
            case UNORDERED -> OrderingMode.UNORDERED;
        };
    }
}
