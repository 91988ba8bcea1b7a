package dev.tributary.dispatcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void nothingIsCommittableBeforeTheFirstRecord() {
        assertThat(tracker.committable()).isEqualTo(-1);
    }

    @Test
    void theCommitNeverPassesAnIncompleteRecord() {
        for (long offset = 10; offset < 15; offset++) {
            tracker.received(offset);
        }
        tracker.completed(12);
        tracker.completed(14);
        assertThat(tracker.committable()).isEqualTo(10);

        tracker.completed(10);
        assertThat(tracker.committable()).isEqualTo(11);

        tracker.completed(11);
        assertThat(tracker.committable()).as("12 was done already; 13 is not").isEqualTo(13);

        tracker.completed(13);
        assertThat(tracker.committable()).isEqualTo(15);
        assertThat(tracker.incomplete()).isZero();
    }

    @Test
    void gapsInTheLogDoNotHoldTheCommitBack() {
        tracker.received(5);
        tracker.received(7);
        tracker.received(9);
        tracker.completed(9);
        tracker.completed(5);
        assertThat(tracker.committable()).isEqualTo(7);
        tracker.completed(7);
        assertThat(tracker.committable()).isEqualTo(10);
    }

    @Test
    void anyCompletionOrderEndsAtTheLastOffsetPlusOne() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            OffsetTracker fresh = new OffsetTracker();
            List<Long> offsets = new ArrayList<>();
            for (long offset = 0; offset < 50; offset++) {
                fresh.received(offset);
                offsets.add(offset);
            }
            Collections.shuffle(offsets, random);
            long done = 0;
            for (long offset : offsets) {
                fresh.completed(offset);
                done++;
                long committable = fresh.committable();
                // Every offset below the committable one must have completed.
                assertThat(offsets.subList(0, (int) done)).containsAll(range(committable));
            }
            assertThat(fresh.committable()).isEqualTo(50);
        }
    }

    @Test
    void theHighestCompletedOffsetIsTrackedWhateverTheOrder() {
        assertThat(tracker.highestCompleted()).isEqualTo(-1);
        for (long offset = 0; offset < 4; offset++) {
            tracker.received(offset);
        }
        tracker.completed(2);
        tracker.completed(0);
        assertThat(tracker.highestCompleted()).isEqualTo(2);
        assertThat(tracker.committable()).isEqualTo(1);
    }

    @Test
    void offsetsMustIncrease() {
        tracker.received(3);
        assertThatThrownBy(() -> tracker.received(2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Long> range(long endExclusive) {
        List<Long> range = new ArrayList<>();
        for (long offset = 0; offset < endExclusive; offset++) {
            range.add(offset);
        }
        return range;
    }
}
