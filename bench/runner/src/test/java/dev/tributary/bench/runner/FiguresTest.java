package dev.tributary.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void nCompletionsSpanNMinusOneIntervals() {
        assertThat(Figures.recordsPerSec(1_001, 0, 1_000_000)).isEqualTo(1_000.0);
        assertThat(Figures.recordsPerSec(1, 0, 1_000_000)).isNaN();
        assertThat(Figures.recordsPerSec(10, 5, 5)).isNaN();
    }

    @Test
    void theMedianSkipsMissingValues() {
        assertThat(Figures.median(3, 1, 2)).isEqualTo(2);
        assertThat(Figures.median(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Figures.median(Double.NaN, 5, 7)).isEqualTo(6);
        assertThat(Figures.median(Double.NaN)).isNaN();
    }

    @Test
    void aRatioNeedsBothSides() {
        assertThat(Figures.ratio(90, 100)).isCloseTo(0.9, within(1e-9));
        assertThat(Figures.ratio(90, Double.NaN)).isNaN();
        assertThat(Figures.ratio(90, 0)).isNaN();
    }

    @Test
    void theSpreadIsTheRangeOverTheMedian() {
        assertThat(Figures.relativeSpread(100, 90, 110)).isCloseTo(0.2, within(1e-9));
    }
}
