package dev.tributary.ingest.storage.internal;

import dev.tributary.ingest.internal.StateTopic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the checkpoint topic when it is missing: compacted (it keeps the latest record per object), one partition
 * (a poller reads it whole at start anyway), replicated three times or as often as the cluster has brokers.
 */
public final class CheckpointTopic {

    private CheckpointTopic() {
    }

    /** @throws IllegalStateException when the topic is missing and cannot be created within {@code timeout} */
    public static void ensure(Map<String, Object> adminConfig, String topic, Duration timeout) {
        StateTopic.ensure(adminConfig, topic, "storage checkpoint topic",
                "create it yourself with cleanup.policy=compact", timeout,
                (admin, description) -> requireCompacted(admin, topic, timeout));
    }

    /**
     * A checkpoint on a topic that deletes old records would lose the versions of objects that did not change for
     * the retention time, and a restart would report all of them as created again.
     */
    private static void requireCompacted(Admin admin, String topic, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        ConfigEntry policy = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (policy != null && !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            throw new IllegalStateException("the storage checkpoint topic '" + topic + "' has cleanup.policy="
                    + policy.value() + ": its records would expire, and a restarted poller would report every "
                    + "object as created again; set cleanup.policy=compact on it, or choose another checkpointTopic");
        }
    }
}
