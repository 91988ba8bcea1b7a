package dev.tributary.bench.core;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The life of a contender JVM, the same for all: start consuming, wait until every record has completed (or
 * progress stalls), print the {@link Outcome} line, then keep consuming and committing until the runner closes
 * standard input (it checks the committed offsets first), and stop.
 */
public final class ContenderMain {

    /** How long a contender may take to stop before the JVM halts anyway. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private ContenderMain() {
    }

    public static void run(String[] argv, Contender contender) {
        ContenderArgs args = ContenderArgs.parse(argv);
        CompletionRecorder recorder = new CompletionRecorder(args.keys(), args.expected(), args.warmup(),
                MicroClock.SYSTEM, ContenderMain::processCpuNanos);
        try {
            AutoCloseable running = contender.start(args, new Workload(args.work(), recorder));
            System.out.println("STARTED");
            System.out.flush();
            recorder.await(args.stallTimeout());
            System.out.println(recorder.outcome().toLine());
            System.out.flush();
            ThreadCpu.printIfAsked(System.err);
            awaitEndOfInput(System.in);
            stop(running);
            System.exit(0);
        } catch (Exception e) {
            System.err.println("contender failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** CPU time of every thread of this JVM; HotSpot's bean has it. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void awaitEndOfInput(InputStream in) throws IOException {
        byte[] buffer = new byte[64];
        while (in.read(buffer) >= 0) {
            // Anything the runner writes is ignored: only the end of input means "stop".
        }
    }

    private static void stop(AutoCloseable running) throws InterruptedException {
        Thread stopper = Thread.ofPlatform().name("stop-contender").start(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("stopping the contender failed: " + e);
            }
        });
        stopper.join(STOP_TIMEOUT);
    }
}
