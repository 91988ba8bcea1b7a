package dev.tributary.ingest.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The bridge acknowledges in delivery order, whatever order Kafka answered in. */
class AcknowledgementOrderTest {

    private final AcknowledgementOrder order = new AcknowledgementOrder();
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();

    @Test
    void aMessageDoneEarlyWaitsForThoseDeliveredBeforeIt() {
        AcknowledgementOrder.Delivery first = delivered("first");
        AcknowledgementOrder.Delivery second = delivered("second");
        AcknowledgementOrder.Delivery third = delivered("third");

        order.done(third);
        order.done(second);
        assertThat(acknowledged).isEmpty();

        order.done(first);
        assertThat(acknowledged).containsExactly("first", "second", "third");
        assertThat(order.waiting()).isZero();
    }

    @Test
    void deliveriesOfALostConnectionAreNeverAcknowledged() {
        AcknowledgementOrder.Delivery old = delivered("old");
        order.connectionLost();
        AcknowledgementOrder.Delivery fresh = delivered("fresh");

        order.done(fresh);
        order.done(old);

        assertThat(acknowledged).containsExactly("fresh");
        assertThat(order.isCurrent(old)).isFalse();
        assertThat(order.isCurrent(fresh)).isTrue();
    }

    private AcknowledgementOrder.Delivery delivered(String name) {
        return order.delivered(() -> acknowledged.add(name));
    }
}
