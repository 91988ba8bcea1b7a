package dev.tributary.dispatcher.stream.internal;

import dev.tributary.dispatcher.FailureSettings;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link DeadLetterHandler} needs of the function it serves. Kafka Streams creates the handler itself, from
 * its class name, and hands it the configuration: this object travels there under {@link #CONFIG}.
 *
 * @param functionName the function, named in the dead letters' headers and topics
 * @param sourceTopics the topics the function reads and has dead-letter topics for
 * @param deadLettered called once per dead letter, for the metrics
 * @param clock        the time of the failure headers
 */
public record DeadLetterRouting(String functionName, Set<String> sourceTopics, Runnable deadLettered, Clock clock) {

    /** The configuration key that carries the routing to the handler. */
    public static final String CONFIG = "tributary.stream.dead.letter.routing";

    public DeadLetterRouting {
        Objects.requireNonNull(functionName, "functionName");
        sourceTopics = Set.copyOf(sourceTopics);
        Objects.requireNonNull(deadLettered, "deadLettered");
        Objects.requireNonNull(clock, "clock");
    }

    /** The dead-letter topic of records read from {@code sourceTopic}: the dispatcher's, so one tool reads both. */
    public String topicFor(String sourceTopic) {
        return FailureSettings.DEFAULT.deadLetterTopicFor(sourceTopic, functionName);
    }
}
