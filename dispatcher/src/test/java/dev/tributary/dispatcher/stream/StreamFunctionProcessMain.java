package dev.tributary.dispatcher.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One process running {@link ReadingTotals} with {@link StreamFunctionRunner}, for {@link ExactlyOnceIT}: until
 * SIGTERM (a clean close) or SIGKILL. Prints {@code STARTED <worker>} once the runner has started, and
 * {@code PAUSED <worker> before reading <n>} when it stops its stream thread on purpose, mid-transaction.
 *
 * <p>Arguments: bootstrap servers, input topic, output topic, function name, state directory, worker name,
 * commit interval in ms, commit every n readings (0: by the interval only), pause before reading n (0: never),
 * the static group member id.
 */
public final class StreamFunctionProcessMain {

    private StreamFunctionProcessMain() {
    }

    public static void main(String[] args) {
        String bootstrap = args[0];
        String input = args[1];
        String output = args[2];
        String name = args[3];
        Path stateDir = Path.of(args[4]);
        String worker = args[5];
        Duration commitInterval = Duration.ofMillis(Long.parseLong(args[6]));
        long commitEvery = Long.parseLong(args[7]);
        long pauseBefore = Long.parseLong(args[8]);
        String memberId = args[9];

        StreamFunctionSettings settings = StreamFunctionSettings.of(name, List.of(input), Optional.of(output),
                        stateDir, Map.of(
                                "bootstrap.servers", bootstrap,
                                // An output per reading, sent as it is processed: the open transaction at the kill
                                // holds outputs, not only a record cache that was never flushed.
                                "statestore.cache.max.bytes", 0,
                                // A static member: the restarted process takes its place in the group at once,
                                // instead of waiting for the killed one's session to time out.
                                "group.instance.id", memberId))
                .withStateDir(stateDir)
                .withReplicationFactor(1)
                .withCommitInterval(commitInterval);
        AtomicLong readings = new AtomicLong();
        ReadingTotals function = new ReadingTotals(requestCommit -> {
            long reading = readings.incrementAndGet();
            if (reading == pauseBefore) {
                System.out.println("PAUSED " + worker + " before reading " + reading);
                System.out.flush();
                while (true) {
                    // Holds the stream thread, and with it the open transaction, until the process is killed.
                    LockSupport.park();
                }
            }
            if (commitEvery > 0 && reading % commitEvery == 0) {
                requestCommit.run();
            }
        });
        StreamFunctionRunner runner = StreamFunctionRunner.start(settings, function, new SimpleMeterRegistry());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("stop-stream-function").unstarted(() -> {
            runner.close(Duration.ofSeconds(20));
            System.out.println("STOPPED " + worker);
            System.out.flush();
        }));
        System.out.println("STARTED " + worker + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        // Kafka Streams' (non-daemon) stream thread keeps the JVM running.
    }
}
