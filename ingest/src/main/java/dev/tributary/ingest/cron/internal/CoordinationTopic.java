package dev.tributary.ingest.cron.internal;

import dev.tributary.ingest.internal.StateTopic;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the coordination topic when it is missing: one partition (its owner is the leader), compacted (it keeps
 * the latest checkpoint per schedule), replicated three times or as often as the cluster has brokers.
 */
public final class CoordinationTopic {

    private static final Logger log = LoggerFactory.getLogger(CoordinationTopic.class);

    private CoordinationTopic() {
    }

    /**
     * @throws IllegalStateException when the topic is missing and cannot be created within {@code timeout}
     */
    public static void ensure(Map<String, Object> adminConfig, String topic, Duration timeout) {
        StateTopic.ensure(adminConfig, topic, "cron coordination topic",
                "create it yourself: 1 partition, cleanup.policy=compact", timeout, (admin, description) -> {
                    if (description.partitions().size() > 1) {
                        log.warn("the cron coordination topic {} has {} partitions; only partition 0 is used", topic,
                                description.partitions().size());
                    }
                });
    }
}
