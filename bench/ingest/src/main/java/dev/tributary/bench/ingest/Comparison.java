package dev.tributary.bench.ingest;

/**
 * One ingest path against the raw producer limit on the same broker.
 *
 * @param path      {@code http} or {@code mqtt}
 * @param tributary the adapter under load
 * @param baseline  ProducerPerformance with the same producer settings and record value size
 */
record Comparison(String path, Measurement tributary, Measurement baseline) {

    /** Tributary's throughput over the baseline's; NaN when either was not measured. */
    double ratio() {
        return ratio(tributary.eventsPerSec(), baseline.eventsPerSec());
    }

    static double ratio(double numerator, double denominator) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator <= 0) {
            return Double.NaN;
        }
        return numerator / denominator;
    }

    /** Whether both contenders ran and neither lost an acknowledged event. */
    boolean nothingLost() {
        return tributary.succeeded() && baseline.succeeded() && tributary.delivery().nothingLost()
                && baseline.delivery().nothingLost();
    }
}
