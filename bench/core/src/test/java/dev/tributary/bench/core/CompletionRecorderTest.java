package dev.tributary.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompletionRecorderTest {

    private long now = 1_000_000;
    private final CompletionRecorder recorder = new CompletionRecorder(3, 4, Duration.ZERO, () -> now, () -> now * 100);

    @Test
    void recordsOfAKeyInSequenceOneAtATimeAreInOrder() {
        complete(0, 0);
        complete(0, 1);
        complete(1, 0);
        complete(0, 2);

        Outcome outcome = recorder.outcome();
        assertThat(outcome.orderViolations()).isZero();
        assertThat(outcome.duplicates()).isZero();
        assertThat(outcome.distinct()).isEqualTo(4);
        assertThat(outcome.complete()).isTrue();
    }

    @Test
    void aRecordStartedAfterALaterOneOfItsKeyIsAViolation() {
        complete(0, 1);
        complete(0, 0);

        assertThat(recorder.outcome().orderViolations()).isEqualTo(1);
    }

    @Test
    void aRecordStartedWhileAnotherOfItsKeyRunsIsAViolationEvenWhenTheyFinishInOrder() {
        recorder.started(0, 0);
        recorder.started(0, 1);
        recorder.ended(0, 0, 0, true);
        recorder.ended(0, 1, 0, true);

        assertThat(recorder.outcome().orderViolations()).isEqualTo(1);
    }

    @Test
    void differentKeysMayOverlap() {
        recorder.started(0, 0);
        recorder.started(1, 0);
        recorder.ended(1, 0, 0, true);
        recorder.ended(0, 0, 0, true);

        assertThat(recorder.outcome().orderViolations()).isZero();
    }

    @Test
    void aRecordRunAgainAfterItCompletedIsADuplicateNotAViolation() {
        complete(0, 0);
        complete(0, 1);
        complete(0, 0);

        Outcome outcome = recorder.outcome();
        assertThat(outcome.duplicates()).isEqualTo(1);
        assertThat(outcome.orderViolations()).isZero();
        assertThat(outcome.distinct()).isEqualTo(2);
    }

    @Test
    void anAttemptCutShortIsNeitherCompletedNorAViolationWhenRunAgain() {
        recorder.started(0, 0);
        recorder.ended(0, 0, 0, false);
        complete(0, 0);

        Outcome outcome = recorder.outcome();
        assertThat(outcome.distinct()).isEqualTo(1);
        assertThat(outcome.orderViolations()).isZero();
        assertThat(outcome.duplicates()).isZero();
    }

    @Test
    void theWindowRunsFromTheFirstCompletionToTheLastExpectedOne() {
        now = 10;
        complete(0, 0);
        now = 20;
        complete(1, 0);
        now = 30;
        complete(2, 0);
        now = 40;
        complete(0, 1);
        now = 50;
        complete(0, 2); // past the expected four: does not stretch the window

        Outcome outcome = recorder.outcome();
        assertThat(outcome.firstMicros()).isEqualTo(10);
        assertThat(outcome.lastMicros()).isEqualTo(40);
        assertThat(outcome.cpuMicros()).as("CPU time between the two, here 100 ns per µs of wall time").isEqualTo(3);
    }

    @Test
    void latencyIsCompletionMinusProduceTimeLeavingOutWhatWasProducedDuringTheWarmup() {
        CompletionRecorder warm = new CompletionRecorder(1, 3, Duration.ofMillis(1), () -> now, () -> 0);
        now = 5_000;
        handle(warm, 0, 0, 4_500); // produced before the first completion + 1 ms: left out
        now = 7_000;
        handle(warm, 0, 1, 6_000); // 1 ms
        handle(warm, 0, 2, 6_500); // 0.5 ms

        Outcome outcome = warm.outcome();
        assertThat(outcome.latencyCount()).isEqualTo(2);
        assertThat(outcome.maxMicros()).isBetween(995L, 1_005L);
        assertThat(outcome.p50Micros()).isBetween(497L, 503L);
    }

    @Test
    void awaitGivesUpWhenNothingCompletesForTheStallTimeout() throws InterruptedException {
        complete(0, 0);

        assertThat(recorder.await(Duration.ofMillis(50))).isFalse();
        assertThat(recorder.outcome().distinct()).isEqualTo(1);
    }

    private void complete(int key, int seq) {
        handle(recorder, key, seq, 0);
    }

    private static void handle(CompletionRecorder recorder, int key, int seq, long producedMicros) {
        recorder.started(key, seq);
        recorder.ended(key, seq, producedMicros, true);
    }
}
