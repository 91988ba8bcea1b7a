package dev.tributary.bench.ingest;

import java.time.Duration;

/**
 * How long each contender runs.
 *
 * @param adapterWarmup  load on an adapter before its measurement window. A fresh adapter JVM runs far below its
 *                       speed until C2 has compiled the request path (Vert.x, the CloudEvent reader, the publisher,
 *                       the producer); on two busy cores that takes 15 to 30 s of load, in which its throughput rises
 *                       by up to ten times
 * @param producerWarmup ProducerPerformance's warm-up, as a duration its records are sized by: one producer thread
 *                       on one hot loop is at speed much sooner
 * @param measure        the measurement window
 * @param calibration    how long ProducerPerformance runs unmeasured, after its first second, to find its rate, from
 *                       which the measured run's record count follows (it takes a count, not a duration)
 * @param drain          how long a load generator waits at most for answers to requests in flight when the window
 *                       closes
 */
record Timing(Duration adapterWarmup, Duration producerWarmup, Duration measure, Duration calibration,
              Duration drain) {

    /** Under 3 minutes on two cores. */
    static final Timing QUICK = new Timing(Duration.ofSeconds(25), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(2), Duration.ofSeconds(20));
    /** Under 10 minutes on two cores. */
    static final Timing FULL = new Timing(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(6), Duration.ofSeconds(20));
}
