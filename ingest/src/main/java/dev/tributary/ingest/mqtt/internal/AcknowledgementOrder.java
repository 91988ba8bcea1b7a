package dev.tributary.ingest.mqtt.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Acknowledges messages to the broker in the order they were delivered, as MQTT asks of a receiver, whatever order
 * Kafka acknowledged them in. (The HiveMQ client also counts a message against its receive maximum until every
 * message delivered before it is acknowledged; acknowledging out of order lets the broker send more than the client
 * accepts, and the client then drops the connection.)
 *
 * <p>A message delivered on a connection that has since been lost is never acknowledged: the broker delivers it
 * again on the next connection. Thread-safe.
 */
public final class AcknowledgementOrder {

    private final Deque<Delivery> deliveries = new ArrayDeque<>();
    private long connection;

    /** Records a message the broker delivered; {@code acknowledge} sends its acknowledgement. */
    public synchronized Delivery delivered(Runnable acknowledge) {
        Delivery delivery = new Delivery(acknowledge, connection);
        deliveries.addLast(delivery);
        return delivery;
    }

    /** Marks a delivery as done, and acknowledges it and every done delivery after it once those before are done. */
    public synchronized void done(Delivery delivery) {
        delivery.done = true;
        while (!deliveries.isEmpty() && deliveries.peekFirst().done) {
            deliveries.pollFirst().acknowledge.run();
        }
    }

    /** Forgets every delivery of the lost connection: the broker sends them again. */
    public synchronized void connectionLost() {
        deliveries.clear();
        connection++;
    }

    /** Whether the delivery's connection is still the current one, so that working on it is still of use. */
    public synchronized boolean isCurrent(Delivery delivery) {
        return delivery.connection == connection;
    }

    /** How many deliveries wait for their acknowledgement. */
    public synchronized int waiting() {
        return deliveries.size();
    }

    /** One message delivered by the broker. */
    public static final class Delivery {

        private final Runnable acknowledge;
        private final long connection;
        private boolean done;

        private Delivery(Runnable acknowledge, long connection) {
            this.acknowledge = acknowledge;
            this.connection = connection;
        }
    }
}
