package dev.tributary.ingest.mqtt.internal;

import dev.tributary.ingest.mqtt.MqttMetrics;
import dev.tributary.ingest.mqtt.MqttMetrics.Outcome;
import dev.tributary.ingest.publish.Acknowledgement;
import dev.tributary.ingest.publish.PublishException;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message's way to Kafka, the same in both modes:
 *
 * <pre>
 * received ─► routed ──► permitted ──► converted ──► published ──────────────────► Published
 *               │            │             │             └─ refused for good ──┐
 *               │            │             ├─ invalid ────────────────────────┴─► diverted to the invalid topic ─► Diverted
 *               │            │             └─ not now ─────────────────────────► Refused
 *               │            └─ not permitted ─────────────────────────────────► Forbidden
 *               └─ no mapping ─────────────────────────────────────────────────► Unmatched
 * </pre>
 *
 * A refusal that may pass (no room, Kafka unreachable) ends as {@link Verdict.Refused}: the adapter does not
 * acknowledge, so the message is sent again. Publishes of one key keep the order the messages arrived in, as the
 * {@link KeyOrder} says. Every
 * message is counted once by outcome; its publish is timed. Thread-safe.
 */
public final class MessagePipeline {

    private static final Logger LOG = LoggerFactory.getLogger(MessagePipeline.class);

    private final MappingTable mappings;
    private final EventSink sink;
    private final MessageEvents events;
    private final MqttMetrics.MappingMeters unmatched;
    /** Null for {@link KeyOrder#CALL_ORDER}: the sink keeps the order itself. */
    private final KeySequencer sequencer;

    /**
     * @param order what {@code sink} guarantees about order, and so how the pipeline keeps a key's messages in order
     */
    public MessagePipeline(MappingTable mappings, EventSink sink, KeyOrder order, MessageEvents events,
                           MqttMetrics.MappingMeters unmatched) {
        this.mappings = mappings;
        this.sink = sink;
        this.sequencer = order == KeyOrder.ONE_IN_FLIGHT_PER_KEY ? new KeySequencer() : null;
        this.events = events;
        this.unmatched = unmatched;
    }

    /**
     * Takes a message to Kafka.
     *
     * @param mayPublish whether the message's publisher may publish to a topic
     * @return the verdict; never completes exceptionally
     */
    public CompletionStage<Verdict> ingest(InboundMessage message, Predicate<String> mayPublish) {
        Optional<MappingTable.Route> route = mappings.route(message.topic());
        if (route.isEmpty()) {
            unmatched.counted(Outcome.UNMATCHED);
            LOG.debug("no mapping for MQTT topic {}", message.topic());
            return CompletableFuture.completedStage(new Verdict.Unmatched(message.topic()));
        }
        CompiledMapping mapping = route.get().mapping();
        if (!mayPublish.test(message.topic())) {
            mapping.meters().counted(Outcome.FORBIDDEN);
            return CompletableFuture.completedStage(new Verdict.Forbidden(message.topic()));
        }
        Optional<String> key = mapping.key(route.get().levels());
        if (key.isPresent() && key.get().isEmpty()) {
            return divert(mapping, message, Optional.empty(), "the key template " + mapping.keyTemplate().orElseThrow()
                    + " gives an empty key for MQTT topic " + message.topic() + "; publish to a topic with the key's "
                    + "levels filled in");
        }
        Conversion conversion;
        try {
            conversion = mapping.converter().convert(message, mapping.topic(), key);
        } catch (RuntimeException e) {
            LOG.warn("converting a message on MQTT topic {} failed unexpectedly", message.topic(), e);
            conversion = new Conversion.Invalid("the payload could not be converted: " + e);
        }
        return switch (conversion) {
            case Conversion.Valid valid -> {
                Optional<String> recordKey = key.or(valid::key);
                yield publish(mapping, message, recordKey,
                        events.valid(mapping, message, recordKey, valid.data(), valid.contentType()));
            }
            case Conversion.Invalid invalid -> divert(mapping, message, key, invalid.reason());
            case Conversion.NotNow notNow -> {
                mapping.meters().counted(Outcome.REFUSED);
                yield CompletableFuture.completedStage(
                        new Verdict.Refused(PublishException.Reason.UNAVAILABLE, notNow.reason()));
            }
        };
    }

    private CompletionStage<Verdict> publish(CompiledMapping mapping, InboundMessage message, Optional<String> key,
                                             CloudEvent event) {
        Timer.Sample sample = mapping.meters().startPublish();
        return inOrder(mapping.topic(), key, event)
                .handle((ack, error) -> {
                    if (error == null) {
                        mapping.meters().publishEnded(sample);
                        mapping.meters().counted(Outcome.PUBLISHED);
                        return CompletableFuture.<Verdict>completedStage(new Verdict.Published(ack));
                    }
                    PublishException failure = asPublishException(error);
                    if (failure.reason().retryable()) {
                        mapping.meters().publishEnded(sample);
                        return refused(mapping, failure.reason(), "Kafka did not take the event for topic "
                                + mapping.topic() + ": " + failure.getMessage());
                    }
                    // Retrying cannot help: keep the message, with why, rather than block the device on it.
                    return divert(mapping, message, key, "Kafka refused the event for topic " + mapping.topic()
                            + " (" + failure.reason() + "): " + failure.getMessage(), sample);
                })
                .thenCompose(Function.identity());
    }

    private CompletionStage<Verdict> divert(CompiledMapping mapping, InboundMessage message, Optional<String> key,
                                            String reason) {
        return divert(mapping, message, key, reason, mapping.meters().startPublish());
    }

    private CompletionStage<Verdict> divert(CompiledMapping mapping, InboundMessage message, Optional<String> key,
                                            String reason, Timer.Sample sample) {
        LOG.debug("message on MQTT topic {} goes to {}: {}", message.topic(), mapping.invalidTopic(), reason);
        CloudEvent event = events.invalid(mapping, message, key, reason);
        return inOrder(mapping.invalidTopic(), key, event)
                .handle((Acknowledgement ack, Throwable error) -> {
                    mapping.meters().publishEnded(sample);
                    if (error == null) {
                        mapping.meters().counted(Outcome.INVALID);
                        return (Verdict) new Verdict.Diverted(ack, reason);
                    }
                    PublishException failure = asPublishException(error);
                    mapping.meters().counted(Outcome.REFUSED);
                    return new Verdict.Refused(failure.reason(), "Kafka did not take the invalid record for topic "
                            + mapping.invalidTopic() + " (" + reason + "): " + failure.getMessage());
                });
    }

    /** Publishes {@code event} behind the earlier events of its topic and key. */
    private CompletionStage<Acknowledgement> inOrder(String topic, Optional<String> key, CloudEvent event) {
        if (sequencer != null) {
            return sequencer.submit(topic, key, () -> sink.publish(topic, event));
        }
        try {
            return sink.publish(topic, event);
        } catch (RuntimeException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    private static CompletionStage<Verdict> refused(CompiledMapping mapping, PublishException.Reason reason,
                                                    String message) {
        mapping.meters().counted(Outcome.REFUSED);
        return CompletableFuture.completedStage(new Verdict.Refused(reason, message));
    }

    private static PublishException asPublishException(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof PublishException failure ? failure
                : new PublishException(PublishException.Reason.UNAVAILABLE, "publishing failed: " + cause, cause);
    }
}
