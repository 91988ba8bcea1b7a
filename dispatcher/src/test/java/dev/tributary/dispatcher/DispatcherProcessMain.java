package dev.tributary.dispatcher;

import dev.tributary.schemas.filter.EventFilter;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.Output;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One dispatcher process for {@link RebalanceIT}: runs the {@link Copy} function with key ordering in a consumer
 * group that every process started with the same arguments shares, until SIGTERM (a clean stop: drain, commit,
 * leave the group) or SIGKILL. Prints {@code STARTED <worker> pid=<pid>} once the dispatcher runs and
 * {@code STOPPED <worker> succeeded=<n> failed=<n>} when a SIGTERM has stopped it.
 *
 * <p>Arguments: bootstrap servers, input topic, output topic, group id, worker name, concurrency, commit
 * interval in milliseconds, records buffered per partition before it is paused, {@code max.poll.records}.
 */
public final class DispatcherProcessMain {

    static final String FUNCTION = "copy";
    /** The CloudEvents extension naming the process that wrote an output. */
    static final String WORKER_EXTENSION = "worker";

    /** Emits its input's data under the input's key; the output id defaults to {@code <input id>:copy:0}. */
    static final class Copy implements EventFunction<String> {
        private final String worker;

        Copy(String worker) {
            this.worker = worker;
        }

        @Override
        public void handle(Event<String> event, Context context) {
            // Simulated work of the function, 0 to 2 ms: the workload, not a wait.
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextInt(2_001)));
            context.emit(Output.ofType("copy")
                    .key(event.keyAsString().orElseThrow())
                    .text(event.data())
                    .extension(WORKER_EXTENSION, worker)
                    .build());
        }
    }

    private DispatcherProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String inputTopic = args[1];
        String outputTopic = args[2];
        String groupId = args[3];
        String worker = args[4];
        int concurrency = Integer.parseInt(args[5]);
        Duration commitInterval = Duration.ofMillis(Long.parseLong(args[6]));
        int maxBufferedPerPartition = Integer.parseInt(args[7]);
        String maxPollRecords = args[8];

        DispatcherSettings settings = new DispatcherSettings(FUNCTION, groupId, List.of(inputTopic), Optional.empty(),
                EventFilter.ALL, OrderingMode.KEY, concurrency, concurrency, maxBufferedPerPartition, commitInterval,
                Duration.ofSeconds(10), Map.of("bootstrap.servers", bootstrap, "auto.offset.reset", "earliest",
                        "max.poll.records", maxPollRecords));
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer());
        InProcessInvoker invoker = InProcessInvoker.open(FunctionConfig.empty(FUNCTION), new Copy(worker),
                Optional.of(outputTopic), producer, Clock.systemUTC(), Duration.ofSeconds(30));
        FunctionDispatcher dispatcher = new FunctionDispatcher(settings, FailureSettings.DEFAULT, invoker, producer,
                new Semaphore(concurrency), Clock.systemUTC());

        // SIGTERM runs the hook: the dispatcher drains and commits before the JVM halts; SIGKILL skips it.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("stop-dispatcher").unstarted(() -> {
            try {
                dispatcher.close();
                producer.close();
                System.out.println("STOPPED " + worker + " succeeded=" + dispatcher.stats().succeeded()
                        + " failed=" + dispatcher.stats().failed());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.flush();
        }));
        dispatcher.start();
        System.out.println("STARTED " + worker + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        // The dispatcher's own (non-daemon) thread keeps the JVM running; if it dies on an error, the JVM exits.
    }
}
