package dev.tributary.schemas.registry;

import java.time.Duration;

/** Waits between retries; injected so that tests check the backoff without waiting. */
@FunctionalInterface
interface Sleeper {

    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
