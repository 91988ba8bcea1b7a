package dev.tributary.launcher.dev;

import dev.tributary.launcher.config.TopicSelection;
import dev.tributary.launcher.config.TributaryConfig;
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
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates, on the embedded broker only, the topics a configuration names that do not exist yet, with the
 * broker's defaults, so that functions start reading at once instead of waiting for a producer to create them.
 * Production clusters get their topics from their owners.
 */
public final class DevTopics {

    private DevTopics() {
    }

    public static void createMissing(TributaryConfig config, String bootstrapServers)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> named = new HashSet<>();
        config.functions().forEach(function -> {
            if (function.subscribe().topics() instanceof TopicSelection.Listed listed) {
                named.addAll(listed.topics());
            }
            function.output().ifPresent(output -> named.add(output.topic()));
        });
        config.ingest().http().ifPresent(http -> named.addAll(http.writableTopics()));
        config.ingest().http().ifPresent(http -> http.webhooks().forEach(webhook -> named.add(webhook.topic())));
        config.ingest().cron().ifPresent(cron -> cron.schedules().forEach(schedule -> named.add(schedule.topic())));
        config.ingest().mqtt().ifPresent(mqtt -> mqtt.mappings().forEach(mapping -> {
            named.add(mapping.topic());
            named.add(mapping.invalidTopic());
        }));
        config.ingest().storage().ifPresent(storage -> {
            storage.webhooks().forEach(source -> named.add(source.topic()));
            storage.polling().forEach(source -> named.add(source.topic()));
            storage.directories().forEach(source -> named.add(source.topic()));
        });
        if (named.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            named.removeAll(admin.listTopics().names().get(30, TimeUnit.SECONDS));
            List<NewTopic> missing = named.stream()
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList();
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
