package dev.tributary.bench.ingest.child;

import java.io.IOException;
import java.io.InputStream;

/**
 * The lines a child JVM prints on stdout for the runner, and how it learns to stop. Everything else a child says
 * goes to stderr, which the runner keeps in the child's log.
 */
public final class ChildLifecycle {

    /** The adapter listens: {@code READY port=<port>}. */
    public static final String READY = "READY";
    /** The load enters its measurement window: the runner reads the CPU clocks of the JVMs now. */
    public static final String MEASURING = "MEASURING";
    /** The measurement window is over: the runner reads the CPU clocks again. */
    public static final String MEASURED = "MEASURED";

    private ChildLifecycle() {
    }

    public static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Blocks until the runner closes this JVM's standard input, which is how it asks a child to stop. */
    public static void awaitEndOfInput() throws IOException {
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        while (in.read(buffer) >= 0) {
            // Anything written is ignored: only the end of input means "stop".
        }
    }
}
