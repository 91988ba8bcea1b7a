package dev.tributary.ingest.mqtt.internal;

/**
 * How the pipeline keeps a device's messages in order on Kafka: the messages of one topic and key are written in
 * the order they arrived, either way. What differs is how many of them may be on their way to Kafka at once.
 */
public enum KeyOrder {

    /**
     * The sink writes a key's events in the order it is called, also with several in flight, and never tries one
     * again (a {@link dev.tributary.ingest.publish.Publisher}). The pipeline publishes each message as it arrives,
     * so a device has as many messages in flight to Kafka as it sends before their acknowledgements, up to its
     * receive maximum, and gets about that many per Kafka round trip.
     */
    CALL_ORDER,

    /**
     * The sink may write events out of call order, for instance by trying a refused one again later (a
     * {@link RetryingSink}). The pipeline publishes a key's message only once the one before it completed
     * ({@link KeySequencer}): one message per key in flight, so a key gets at most one message per Kafka round trip;
     * different keys run in parallel.
     */
    ONE_IN_FLIGHT_PER_KEY
}
