package dev.tributary.ingest.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Next fire times, in UTC and in zones, across both daylight-saving transitions of 2026 in Europe/Berlin. */
class FireTimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static FireTimes fireTimes(String expression, ZoneId zone) {
        return new FireTimes(CronExpressions.parse("expression", expression), zone);
    }

    /** The first {@code count} fire times after {@code after}, as ISO-8601 UTC strings. */
    static List<String> next(String expression, ZoneId zone, String after, int count) {
        FireTimes times = fireTimes(expression, zone);
        List<String> result = new ArrayList<>();
        Instant position = Instant.parse(after);
        for (int i = 0; i < count; i++) {
            position = times.nextAfter(position).orElseThrow();
            result.add(position.toString());
        }
        return result;
    }

    @Test
    void fiveFieldExpressionsFireOnWholeMinutes() {
        assertThat(next("*/20 * * * *", ZoneOffset.UTC, "2026-05-01T10:07:00Z", 3))
                .containsExactly("2026-05-01T10:20:00Z", "2026-05-01T10:40:00Z", "2026-05-01T11:00:00Z");
    }

    @Test
    void quartzExpressionsHaveSeconds() {
        assertThat(next("*/15 * * * * ?", ZoneOffset.UTC, "2026-05-01T10:00:50Z", 3))
                .containsExactly("2026-05-01T10:01:00Z", "2026-05-01T10:01:15Z", "2026-05-01T10:01:30Z");
    }

    @Test
    void theNextFireTimeIsStrictlyAfterEvenWithinAFractionOfASecond() {
        FireTimes everySecond = fireTimes("* * * * * ?", ZoneOffset.UTC);

        assertThat(everySecond.nextAfter(Instant.parse("2026-05-01T10:00:00Z"))).contains(Instant.parse("2026-05-01T10:00:01Z"));
        assertThat(everySecond.nextAfter(Instant.parse("2026-05-01T10:00:00.999Z"))).contains(Instant.parse("2026-05-01T10:00:01Z"));
        assertThat(fireTimes("0 * * * *", ZoneOffset.UTC).nextAfter(Instant.parse("2026-05-01T09:59:59.5Z")))
                .contains(Instant.parse("2026-05-01T10:00:00Z"));
    }

    @Test
    void anExpressionIsReadInItsTimeZone() {
        assertThat(next("0 9 * * *", ZoneId.of("Asia/Tokyo"), "2026-05-01T00:00:00Z", 1))
                .containsExactly("2026-05-02T00:00:00Z");
        // 09:00 on weekdays in New York moves from 14:00 to 13:00 UTC when daylight saving starts on 8 March.
        assertThat(next("0 9 * * 1-5", ZoneId.of("America/New_York"), "2026-03-05T15:00:00Z", 3))
                .containsExactly("2026-03-06T14:00:00Z", "2026-03-09T13:00:00Z", "2026-03-10T13:00:00Z");
    }

    @Test
    void anExpressionWithAPastYearFiresNoMore() {
        assertThat(fireTimes("0 0 12 * * ? 2020", ZoneOffset.UTC).nextAfter(Instant.parse("2026-01-01T00:00:00Z")))
                .isEmpty();
    }

    /** Clocks in Berlin jump from 02:00 to 03:00 CET→CEST on 2026-03-29: 02:00 to 02:59 do not exist that day. */
    @Nested
    class SpringForward {

        @Test
        void aNonexistentLocalTimeDoesNotFireThatDay() {
            assertThat(next("30 2 * * *", BERLIN, "2026-03-27T12:00:00Z", 3)).containsExactly(
                    "2026-03-28T01:30:00Z", // 02:30 CET
                    "2026-03-30T00:30:00Z", // 02:30 CEST: none on the 29th
                    "2026-03-31T00:30:00Z");
        }

        @Test
        void theMissingHourIsSkippedByHourlySchedules() {
            assertThat(next("0 * * * *", BERLIN, "2026-03-28T23:30:00Z", 3)).containsExactly(
                    "2026-03-29T00:00:00Z", // 01:00 CET
                    "2026-03-29T01:00:00Z", // 03:00 CEST, an hour later: there was no 02:00
                    "2026-03-29T02:00:00Z");
        }

        @Test
        void otherTimesOfTheDayStillFire() {
            assertThat(next("30 2,3 * * *", BERLIN, "2026-03-28T23:00:00Z", 2))
                    .containsExactly("2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z"); // 03:30 CEST, then 02:30 CEST
        }
    }

    /** Clocks in Berlin fall back from 03:00 CEST to 02:00 CET on 2026-10-25: 02:00 to 02:59 happen twice. */
    @Nested
    class FallBack {

        @Test
        void anAmbiguousLocalTimeFiresOnceAtItsFirstOccurrence() {
            assertThat(next("30 2 * * *", BERLIN, "2026-10-24T12:00:00Z", 2)).containsExactly(
                    "2026-10-25T00:30:00Z", // 02:30 CEST; not again at 02:30 CET (01:30Z)
                    "2026-10-26T01:30:00Z");
        }

        @Test
        void aSearchStartingInsideTheRepeatedHourDoesNotFireItAgain() {
            // A checkpoint may hold any instant, such as the moment a schedule was first seen.
            for (String after : List.of("2026-10-25T00:45:00Z", "2026-10-25T01:00:00Z", "2026-10-25T01:29:59Z")) {
                assertThat(next("30 2 * * *", BERLIN, after, 1)).as("after %s", after)
                        .containsExactly("2026-10-26T01:30:00Z");
            }
        }

        @Test
        void severalTimesInTheRepeatedHourEachFireOnce() {
            assertThat(next("0,30 2 * * *", BERLIN, "2026-10-24T22:00:00Z", 3)).containsExactly(
                    "2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z", // 02:00 and 02:30 CEST
                    "2026-10-26T01:00:00Z");
        }

        @Test
        void theRepeatedHourIsSilentForHourlyAndSecondlySchedules() {
            assertThat(next("0 * * * *", BERLIN, "2026-10-24T22:30:00Z", 3)).containsExactly(
                    "2026-10-24T23:00:00Z", // 01:00 CEST
                    "2026-10-25T00:00:00Z", // 02:00 CEST
                    "2026-10-25T02:00:00Z"); // 03:00 CET, two hours later: 02:00 CET is the repeat
            assertThat(next("* * * * * ?", BERLIN, "2026-10-25T00:59:58Z", 2))
                    .containsExactly("2026-10-25T00:59:59Z", "2026-10-25T02:00:00Z");
        }

        @Test
        void utcSchedulesFollowElapsedTime() {
            assertThat(next("0 * * * *", ZoneOffset.UTC, "2026-10-24T23:30:00Z", 3))
                    .containsExactly("2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z", "2026-10-25T02:00:00Z");
        }
    }
}
