package dev.tributary.ingest.cron.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
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
        try (Admin admin = Admin.create(adminConfig)) {
            if (describe(admin, topic, timeout)) {
                return;
            }
            int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            short replicas = (short) Math.max(1, Math.min(3, brokers));
            NewTopic newTopic = new NewTopic(topic, 1, replicas).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replicas >= 3 ? "2" : "1"));
            try {
                admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                log.info("created the cron coordination topic {} (1 partition, compacted, {} replica(s))", topic,
                        replicas);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another replica created it first.
            }
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("the cron coordination topic '" + topic + "' is missing and could not "
                    + "be created: " + cause + ". Check bootstrap.servers and that this client may describe and "
                    + "create topics, or create it yourself: 1 partition, cleanup.policy=compact", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the cron coordination topic " + topic, e);
        }
    }

    /** Whether the topic exists; warns when it has more partitions than the one that is used. */
    private static boolean describe(Admin admin, String topic, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            if (description.partitions().size() > 1) {
                log.warn("the cron coordination topic {} has {} partitions; only partition 0 is used", topic,
                        description.partitions().size());
            }
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }
}
