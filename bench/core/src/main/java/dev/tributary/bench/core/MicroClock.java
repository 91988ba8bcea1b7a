package dev.tributary.bench.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Wall-clock time in microseconds since the epoch. Produce times are written by the loader's JVM and read by the
 * contender's, on the same machine, so both must use the wall clock rather than {@code nanoTime}.
 */
@FunctionalInterface
public interface MicroClock {

    MicroClock SYSTEM = () -> {
        Instant now = Instant.now();
        return ChronoUnit.MICROS.between(Instant.EPOCH, now);
    };

    long nowMicros();
}
