package dev.tributary.dispatcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.dispatcher.OrderingMode;
import dev.tributary.schemas.event.EventKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaneQueueTest {

    record Item(String name, Optional<EventKey> key) {
        static Item of(String name, String key) {
            return new Item(name, key == null ? Optional.empty() : Optional.of(EventKey.ofUtf8(key)));
        }
    }

    private static LaneQueue<Item> queue(OrderingMode mode, Item... items) {
        LaneQueue<Item> queue = new LaneQueue<>(mode);
        for (Item item : items) {
            queue.add(item, item.key());
        }
        return queue;
    }

    private static List<String> drainReady(LaneQueue<Item> queue) {
        List<String> names = new ArrayList<>();
        for (Item item = queue.next(); item != null; item = queue.next()) {
            names.add(item.name());
        }
        return names;
    }

    @Test
    void keyModeRunsOneRecordPerKeyAndDifferentKeysTogether() {
        Item a1 = Item.of("a1", "a");
        Item a2 = Item.of("a2", "a");
        Item b1 = Item.of("b1", "b");
        LaneQueue<Item> queue = queue(OrderingMode.KEY, a1, a2, b1);

        assertThat(drainReady(queue)).containsExactly("a1", "b1");
        assertThat(queue.running()).isEqualTo(2);
        assertThat(queue.buffered()).isEqualTo(1);

        queue.done(a1, a1.key());
        assertThat(drainReady(queue)).containsExactly("a2");
    }

    @Test
    void readyWorkIsWorkWhoseLaneIsFreeNotMerelyQueuedWork() {
        Item a1 = Item.of("a1", "a");
        Item a2 = Item.of("a2", "a");
        Item a3 = Item.of("a3", "a");
        LaneQueue<Item> queue = queue(OrderingMode.KEY, a1, a2, a3);
        assertThat(queue.hasReady()).isTrue();

        queue.next();

        assertThat(queue.buffered()).isEqualTo(2);
        assertThat(queue.hasReady()).as("a2 and a3 wait behind a1").isFalse();
        assertThat(queue.queuedBehind(a1.key())).isEqualTo(2);
        assertThat(queue.queuedBehind(Item.of("b", "b").key())).isZero();
    }

    @Test
    void unorderedWorkIsReadyWhenQueuedAndBlocksNothing() {
        Item a1 = Item.of("a1", "a");
        Item a2 = Item.of("a2", "a");
        LaneQueue<Item> queue = queue(OrderingMode.UNORDERED, a1, a2);

        queue.next();

        assertThat(queue.hasReady()).isTrue();
        assertThat(queue.queuedBehind(a1.key())).isZero();
    }

    @Test
    void keysCompareByBytesNotIdentity() {
        Item first = Item.of("first", "same");
        Item second = Item.of("second", new String("same"));
        LaneQueue<Item> queue = queue(OrderingMode.KEY, first, second);

        assertThat(drainReady(queue)).containsExactly("first");
    }

    @Test
    void nullKeysShareOneLanePerPartition() {
        Item n1 = Item.of("n1", null);
        Item n2 = Item.of("n2", null);
        Item k1 = Item.of("k1", "k");
        LaneQueue<Item> queue = queue(OrderingMode.KEY, n1, n2, k1);

        assertThat(drainReady(queue)).containsExactly("n1", "k1");
        queue.done(n1, n1.key());
        assertThat(drainReady(queue)).containsExactly("n2");
    }

    @Test
    void partitionModeRunsOneRecordAtATimeWhateverTheKeys() {
        Item a = Item.of("a", "a");
        Item b = Item.of("b", "b");
        LaneQueue<Item> queue = queue(OrderingMode.PARTITION, a, b);

        assertThat(drainReady(queue)).containsExactly("a");
        queue.done(a, a.key());
        assertThat(drainReady(queue)).containsExactly("b");
    }

    @Test
    void unorderedRunsEverythingAtOnce() {
        LaneQueue<Item> queue = queue(OrderingMode.UNORDERED, Item.of("a", "k"), Item.of("b", "k"), Item.of("c", null));

        assertThat(drainReady(queue)).containsExactly("a", "b", "c");
    }

    @Test
    void removingQueuedWorkKeepsTheOrderOfWhatRemains() {
        Item a1 = Item.of("a1", "a");
        Item a2 = Item.of("a2", "a");
        Item a3 = Item.of("a3", "a");
        Item b1 = Item.of("b1", "b");
        LaneQueue<Item> queue = queue(OrderingMode.KEY, a1, a2, a3, b1);
        assertThat(queue.next()).isEqualTo(a1);

        queue.removeQueued(item -> item.name().equals("a2") || item.name().equals("b1"));

        assertThat(queue.buffered()).isEqualTo(1);
        assertThat(drainReady(queue)).isEmpty();
        queue.done(a1, a1.key());
        assertThat(drainReady(queue)).containsExactly("a3");
    }

    @Test
    void clearingDropsQueuedWorkButKeepsRunningWorkUntilDone() {
        Item a1 = Item.of("a1", "a");
        LaneQueue<Item> queue = queue(OrderingMode.KEY, a1, Item.of("a2", "a"), Item.of("b1", "b"));
        queue.next();

        queue.clearQueued();
        assertThat(queue.buffered()).isZero();
        assertThat(queue.running()).isEqualTo(1);
        queue.done(a1, a1.key());
        assertThat(queue.next()).isNull();
        assertThat(queue.running()).isZero();
    }
}
