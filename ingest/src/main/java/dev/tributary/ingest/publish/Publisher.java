package dev.tributary.ingest.publish;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What every ingest adapter publishes through: CloudEvents to Kafka topics, each acknowledged only once Kafka has
 * acknowledged it.
 *
 * <p><b>The guarantee.</b> A returned stage completes normally only after Kafka acknowledged every record it
 * covers, with {@code acks=all} from an idempotent producer. It completes exceptionally with a
 * {@link PublishException} when that cannot be known within the delivery timeout, when the publisher has no room
 * for more work, or when Kafka refuses the records; the exception's {@link PublishException.Reason} says what the
 * client may do. An exceptional completion means "not known to be written", not "not written": a record whose
 * acknowledgement came too late may still be on the topic, so a client that retries may write it twice, and a
 * consumer deduplicates by the CloudEvent id. An adapter therefore never tells its client "done" before Kafka has
 * the event, and never loses an event it said was done.
 *
 * <p><b>Order.</b> Events with the same topic and key are written in the order of the calls that published them
 * (one call's events in list order), also while earlier calls are still in flight: a caller that publishes a
 * key's events one after another from one thread may pipeline them. Of events in flight together, a failed one may
 * be missing while later ones are written. Calls never block the caller.
 *
 * <p>Stages complete on a Kafka or timer thread: continue on your own executor before doing anything slow.
 * Implementations are thread-safe.
 */
public interface Publisher extends AutoCloseable {

    /** Publishes one event to {@code topic}. */
    CompletionStage<Acknowledgement> publish(String topic, CloudEvent event);

    /**
     * Publishes events as one unit of work: the publisher takes all of them or none (a refusal for lack of room
     * writes nothing), sends them in list order (per topic: records of different topics have no order
     * in Kafka), and completes with their acknowledgements in that order once every
     * one is acknowledged. It fails as soon as one of them fails; the others may then be written or not.
     */
    CompletionStage<List<Acknowledgement>> publishAll(List<TopicEvent> events);

    /** Whether Kafka is reachable now, as far as the publisher knows; adapters report it as their readiness. */
    Readiness readiness();

    /** Stops taking events and waits, within the delivery timeout, for those in flight to be acknowledged or fail. */
    @Override
    void close();
}
