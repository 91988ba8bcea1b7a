package dev.tributary.ingest.publish.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.ingest.publish.internal.InFlightBudget.Verdict;
import org.junit.jupiter.api.Test;

class InFlightBudgetTest {

    @Test
    void workIsTakenWholeWhileBothEventsAndBytesFit() {
        InFlightBudget budget = new InFlightBudget(3, 100);

        assertThat(budget.tryTake(2, 60)).isEqualTo(Verdict.TAKEN);
        assertThat(budget.tryTake(2, 10)).as("events would overflow").isEqualTo(Verdict.FULL);
        assertThat(budget.tryTake(1, 41)).as("bytes would overflow").isEqualTo(Verdict.FULL);
        assertThat(budget.tryTake(1, 40)).isEqualTo(Verdict.TAKEN);
        assertThat(budget.events()).isEqualTo(3);
        assertThat(budget.bytes()).isEqualTo(100);
    }

    @Test
    void roomGivenBackCanBeTakenAgain() {
        InFlightBudget budget = new InFlightBudget(2, 100);
        budget.tryTake(2, 100);

        budget.giveBack(1, 50);

        assertThat(budget.tryTake(1, 50)).isEqualTo(Verdict.TAKEN);
    }

    @Test
    void workLargerThanTheWholeBudgetIsTooLargeEvenWhenNothingIsInFlight() {
        InFlightBudget budget = new InFlightBudget(2, 100);

        assertThat(budget.tryTake(3, 1)).isEqualTo(Verdict.TOO_LARGE);
        assertThat(budget.tryTake(1, 101)).isEqualTo(Verdict.TOO_LARGE);
        assertThat(budget.events()).isZero();
    }

    @Test
    void givingBackMoreThanWasTakenIsABug() {
        InFlightBudget budget = new InFlightBudget(2, 100);
        budget.tryTake(1, 10);

        assertThatThrownBy(() -> budget.giveBack(2, 10)).isInstanceOf(IllegalStateException.class);
    }
}
