package dev.tributary.ingest.mqtt.internal;

import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.PublishException;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sink without Kafka for pipeline tests: acknowledges at once, or, for topics told so, fails with a reason or
 * holds every publish until the test completes it. Remembers every publish in order.
 */
final class ScriptedSink implements EventSink {

    record Sent(String topic, CloudEvent event, CompletableFuture<Acknowledgement> result) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, PublishException.Reason> failing = new ConcurrentHashMap<>();
    private final Map<String, Boolean> holding = new ConcurrentHashMap<>();
    private final AtomicLong offsets = new AtomicLong();

    ScriptedSink failing(String topic, PublishException.Reason reason) {
        failing.put(topic, reason);
        return this;
    }

    ScriptedSink holding(String topic) {
        holding.put(topic, true);
        return this;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<Sent> sentTo(String topic) {
        return sent.stream().filter(each -> each.topic().equals(topic)).toList();
    }

    @Override
    public CompletionStage<Acknowledgement> publish(String topic, CloudEvent event) {
        CompletableFuture<Acknowledgement> result = new CompletableFuture<>();
        sent.add(new Sent(topic, event, result));
        PublishException.Reason reason = failing.get(topic);
        if (reason != null) {
            result.completeExceptionally(new PublishException(reason, "failing as the test asked: " + reason));
        } else if (!holding.containsKey(topic)) {
            result.complete(acknowledgement(topic));
        }
        return result;
    }

    Acknowledgement acknowledgement(String topic) {
        return new Acknowledgement(topic, 0, offsets.getAndIncrement());
    }
}
