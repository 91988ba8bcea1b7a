package dev.tributary.launcher.run;

import dev.tributary.dispatcher.DeadLetterHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates each function's replay topic before its dispatcher subscribes, so that a replay is read at once rather
 * than after the consumer next refreshes its metadata. One partition keeps replayed records in their order.
 */
final class ReplayTopics {

    private static final Logger log = LoggerFactory.getLogger(ReplayTopics.class);

    private ReplayTopics() {
    }

    static void ensure(List<String> functions, Map<String, Object> client) throws InterruptedException {
        try (Admin admin = Admin.create(client)) {
            for (String function : functions) {
                String topic = DeadLetterHeaders.replayTopic(function);
                try {
                    admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all()
                            .get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        // Not fatal: `tributary dlt replay` creates it too, and the consumer finds it later.
                        log.warn("{}: could not create the replay topic {}: {}", function, topic, e.getCause().toString());
                    }
                } catch (TimeoutException e) {
                    log.warn("{}: creating the replay topic {} timed out", function, topic);
                }
            }
        }
    }
}
