package dev.tributary.dispatcher;

import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.FunctionConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A dispatcher with a slow function over a large backlog, run by {@link BackpressureIT} in a JVM with a small
 * heap. Once the function has handled {@code target} events it prints one line with what it measured:
 * {@code REPORT handled=N peakBuffered=N peakHeapMb=N}, then exits.
 *
 * <p>Arguments: bootstrap servers, topic, records buffered per partition before it is paused, target.
 */
public final class BackpressureMain {

    /** Takes 5 ms per event: far slower than Kafka delivers them. */
    public static final class Slow implements EventFunction<byte[]> {
        static final AtomicLong HANDLED = new AtomicLong();

        @Override
        public void handle(Event<byte[]> event, Context context) {
            // Simulated work of the function: the workload, not a wait.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            HANDLED.incrementAndGet();
        }
    }

    private BackpressureMain() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        DispatcherSettings settings = DispatcherSettings.forTopics("slow", List.of(args[1]),
                        Map.of("bootstrap.servers", bootstrap, "auto.offset.reset", "earliest"))
                .withConcurrency(8)
                .withMaxBufferedPerPartition(Integer.parseInt(args[2]));
        long target = Long.parseLong(args[3]);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            InProcessInvoker invoker = InProcessInvoker.open(FunctionConfig.empty("slow"), new Slow(), Optional.empty(),
                    producer, Clock.systemUTC(), Duration.ofSeconds(30));
            FunctionDispatcher dispatcher = new FunctionDispatcher(settings, FailureSettings.DEFAULT, invoker, producer,
                    new Semaphore(100), Clock.systemUTC()).start();
            long peakBuffered = 0;
            while (Slow.HANDLED.get() < target) {
                peakBuffered = Math.max(peakBuffered, dispatcher.stats().buffered());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getPeakUsage)
                    .mapToLong(usage -> usage.getUsed())
                    .sum();
            System.out.println("REPORT handled=" + Slow.HANDLED.get() + " peakBuffered=" + peakBuffered
                    + " peakHeapMb=" + peakHeap / (1024 * 1024));
            System.out.flush();
            dispatcher.stop(Duration.ofSeconds(20));
        }
    }
}
