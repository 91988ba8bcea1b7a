package dev.tributary.dispatcher.stream.internal;

import dev.tributary.sdk.stream.StreamTopology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Checks, before a stream function starts, that the topics it reads and writes exist, and creates its dead-letter
 * topics. Kafka Streams would otherwise stop on a missing source topic only after joining its group, and wait a
 * minute for a missing sink's metadata; this names the topic and the fix at once. A dead-letter topic gets as many
 * partitions as its source, as the dispatcher's do; it must exist before the first dead letter, because a producer
 * inside a transaction cannot wait for a topic to be created.
 */
public final class FunctionTopics {

    private static final long TIMEOUT_SECONDS = 30;

    private FunctionTopics() {
    }

    /**
     * @param adminConfig       settings of an admin client for the function's cluster
     * @param replicationFactor of the dead-letter topics; empty for the broker's default
     * @throws IllegalStateException naming every missing topic and the setting that names it
     */
    public static void prepare(Map<String, Object> adminConfig, StreamTopology topology, DeadLetterRouting deadLetters,
                               Optional<Short> replicationFactor) {
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> wanted = new HashSet<>(topology.sourceTopics());
            wanted.addAll(topology.outputTopics());
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> missing = new ArrayList<>();
            wanted.stream().filter(topic -> !existing.contains(topic)).sorted().forEach(topic -> missing.add(
                    topic + (topology.outputTopics().contains(topic) ? " (written)" : " (read)")));
            if (!missing.isEmpty()) {
                throw new IllegalStateException("stream function " + topology.functionName() + " cannot start: topics "
                        + missing + " do not exist; create them, or fix subscribe.topics and output.topic");
            }
            Map<String, TopicDescription> sources = admin.describeTopics(topology.sourceTopics()).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> toCreate = new ArrayList<>();
            sources.forEach((source, description) -> {
                String deadLetterTopic = deadLetters.topicFor(source);
                if (!existing.contains(deadLetterTopic)) {
                    toCreate.add(new NewTopic(deadLetterTopic, Optional.of(description.partitions().size()),
                            replicationFactor));
                }
            });
            createAll(admin, toCreate);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("stream function " + topology.functionName() + " cannot check its topics: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the topics of " + topology.functionName(), e);
        }
    }

    private static void createAll(Admin admin, List<NewTopic> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        for (var result : admin.createTopics(topics).values().values()) {
            try {
                result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Another process of the same function created it first.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
