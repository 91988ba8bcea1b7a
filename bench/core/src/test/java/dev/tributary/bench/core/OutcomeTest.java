package dev.tributary.bench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void aResultLineReadsBackAsTheSameOutcome() {
        Outcome outcome = new Outcome(10, 9, 1, 2, 100, 200, 70, 9, 50, 90, 99, 999, 1_000);

        assertThat(Outcome.parse(outcome.toLine())).isEqualTo(outcome);
        assertThat(outcome.complete()).isFalse();
    }

    @Test
    void aLineWithoutAFieldIsRejectedNamingIt() {
        assertThatThrownBy(() -> Outcome.parse("RESULT expected=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinct");
    }
}
