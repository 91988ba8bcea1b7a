package dev.tributary.launcher;

import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.launcher.config.FunctionSettings;
import dev.tributary.launcher.config.TopicSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;

/** The dead-letter topics of a function that exist on the cluster. */
final class DeadLetterTopics {

    private DeadLetterTopics() {
    }

    /** One per source topic by default, or the one the function names; for a pattern, every matching one. */
    static List<String> existing(FunctionSettings function, Map<String, Object> client) throws Exception {
        try (Admin admin = Admin.create(client)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            FailureSettings failures = function.subscribe().failures();
            List<String> topics = new ArrayList<>();
            if (failures.deadLetterTopic().isPresent()) {
                topics.add(failures.deadLetterTopic().get());
            } else if (function.subscribe().topics() instanceof TopicSelection.Listed listed) {
                listed.topics().forEach(topic -> topics.add(failures.deadLetterTopicFor(topic, function.name())));
            } else {
                Pattern suffix = Pattern.compile(".+\\." + Pattern.quote(function.name()) + "\\.dlt");
                existing.stream().filter(topic -> suffix.matcher(topic).matches()).sorted().forEach(topics::add);
            }
            topics.retainAll(existing);
            return topics;
        }
    }
}
