package dev.tributary.ingest.internal;

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
 * Creates a topic an adapter keeps its own state on when it is missing: one partition, compacted (it keeps the latest
 * record per key), replicated three times or as often as the cluster has brokers.
 */
public final class StateTopic {

    private static final Logger LOG = LoggerFactory.getLogger(StateTopic.class);

    /** What an adapter checks on a topic that exists already, such as its cleanup policy. */
    @FunctionalInterface
    public interface ExistingTopicCheck {

        void check(Admin admin, TopicDescription description)
                throws ExecutionException, InterruptedException, TimeoutException;
    }

    private StateTopic() {
    }

    /**
     * @param role   the topic's role in messages, such as {@code cron coordination topic}
     * @param byHand how to create it by hand, for the error: {@code create it yourself: 1 partition, ...}
     * @throws IllegalStateException when the topic is missing and cannot be created within {@code timeout}
     */
    public static void ensure(Map<String, Object> adminConfig, String topic, String role, String byHand,
                              Duration timeout, ExistingTopicCheck whenExists) {
        try (Admin admin = Admin.create(adminConfig)) {
            TopicDescription description = describe(admin, topic, timeout);
            if (description != null) {
                whenExists.check(admin, description);
                return;
            }
            int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            short replicas = (short) Math.max(1, Math.min(3, brokers));
            NewTopic newTopic = new NewTopic(topic, 1, replicas).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replicas >= 3 ? "2" : "1"));
            try {
                admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("created the {} {} (1 partition, compacted, {} replica(s))", role, topic, replicas);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another replica of the adapter created it first.
            }
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("the " + role + " '" + topic + "' is missing and could not be created: "
                    + cause + ". Check bootstrap.servers and that this client may describe and create topics, or "
                    + byHand, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the " + role + " " + topic, e);
        }
    }

    /** The topic, or null when it does not exist. */
    private static TopicDescription describe(Admin admin, String topic, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }
}
