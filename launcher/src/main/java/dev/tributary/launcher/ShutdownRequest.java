package dev.tributary.launcher;

import java.util.concurrent.CompletableFuture;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a request that the main thread answers by stopping cleanly and
 * returning exit code 0. A JVM left to its default handling would run shutdown hooks and exit with 130 or
 * 143, which scripts read as a failure.
 */
final class ShutdownRequest {

    private final CompletableFuture<String> requested = new CompletableFuture<>();

    /** Listens for SIGINT and SIGTERM from now on. */
    static ShutdownRequest onSignals() {
        ShutdownRequest request = new ShutdownRequest();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> request.requested.complete("SIG" + signal.getName()));
        }
        return request;
    }

    /** Completes with the name of the signal that asked to stop. */
    CompletableFuture<String> requested() {
        return requested;
    }
}
