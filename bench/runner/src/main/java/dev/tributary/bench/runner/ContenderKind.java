package dev.tributary.bench.runner;

import java.util.Locale;

/**
 * The contenders: where each one's module is, its main class, and what it can do. Each runs in its own JVM from
 * {@code bench/<module>/target/classes} and {@code target/lib}, so Parallel Consumer keeps its own kafka-clients.
 */
enum ContenderKind {

    /** One poll loop calling the function inline: partition order, one record at a time. */
    RAW("raw", "dev.tributary.bench.raw.RawConsumerContender", false),
    TRIBUTARY("tributary", "dev.tributary.bench.tributary.TributaryContender", true),
    PARALLEL_CONSUMER("parallel-consumer", "dev.tributary.bench.parallelconsumer.ParallelConsumerContender", true),
    /** One consumer thread per partition: partition order, twelve records at a time. */
    SPRING_KAFKA("spring-kafka", "dev.tributary.bench.springkafka.SpringKafkaContender", false);

    private final String id;
    private final String mainClass;
    private final boolean unordered;

    ContenderKind(String id, String mainClass, boolean unordered) {
        this.id = id;
        this.mainClass = mainClass;
        this.unordered = unordered;
    }

    /** The name in reports and on the command line, which is also the module's folder under {@code bench/}. */
    String id() {
        return id;
    }

    String mainClass() {
        return mainClass;
    }

    /** Whether it can give up ordering to run more records at once; the others keep partition order. */
    boolean supportsUnordered() {
        return unordered;
    }

    /**
     * The consumer group of a run named {@code runName}: Tributary consumes in {@code tributary.<function name>},
     * the others in a group of the name given.
     */
    String consumerGroup(String runName) {
        return this == TRIBUTARY ? "tributary." + runName : runName;
    }

    static ContenderKind byId(String id) {
        for (ContenderKind kind : values()) {
            if (kind.id.equals(id.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown contender '" + id + "'; one of raw, tributary, "
                + "parallel-consumer, spring-kafka");
    }
}
