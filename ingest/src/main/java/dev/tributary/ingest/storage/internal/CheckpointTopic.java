package dev.tributary.ingest.storage.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the checkpoint topic when it is missing: compacted (it keeps the latest record per object), one partition
 * (a poller reads it whole at start anyway), replicated three times or as often as the cluster has brokers.
 */
public final class CheckpointTopic {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointTopic.class);

    private CheckpointTopic() {
    }

    /** @throws IllegalStateException when the topic is missing and cannot be created within {@code timeout} */
    public static void ensure(Map<String, Object> adminConfig, String topic, Duration timeout) {
        try (Admin admin = Admin.create(adminConfig)) {
            if (exists(admin, topic, timeout)) {
                requireCompacted(admin, topic, timeout);
                return;
            }
            int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            short replicas = (short) Math.max(1, Math.min(3, brokers));
            NewTopic newTopic = new NewTopic(topic, 1, replicas).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replicas >= 3 ? "2" : "1"));
            try {
                admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("created the storage checkpoint topic {} (1 partition, compacted, {} replica(s))", topic,
                        replicas);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another poller created it first.
            }
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("the storage checkpoint topic '" + topic + "' is missing and could not "
                    + "be created: " + cause + ". Check bootstrap.servers and that this client may describe and "
                    + "create topics, or create it yourself with cleanup.policy=compact", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the storage checkpoint topic " + topic, e);
        }
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

    private static boolean exists(Admin admin, String topic, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }
}
