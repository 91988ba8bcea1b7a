package dev.tributary.schemas.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Timestamps#parse} has a fast path; whatever the text, it must agree with {@link OffsetDateTime#parse}. */
class TimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // the fast path's form
        "2024-01-31T09:30:00Z", "2024-01-31T09:30:00.123Z", "2024-01-31T09:30:00.1Z", "2024-01-31T09:30:00.123456789Z",
        "2024-01-31T09:30:00+01:00", "2024-01-31T09:30:00-05:30", "2024-01-31T09:30:00-00:00",
        "2024-01-31T09:30:00+00:00", "2024-01-31T09:30:00-00:30", "2024-01-31T09:30:00+17:59",
        "2024-01-31T09:30:00.5+05:45", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-17:59",
        "2024-02-29T00:00:00Z", "2000-02-29T12:00:00Z",
        // dates and times that do not exist
        "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-00-10T00:00:00Z",
        "2024-13-01T00:00:00Z", "2024-01-00T00:00:00Z", "2024-01-32T00:00:00Z", "2024-01-31T24:00:00Z",
        "2024-01-31T23:60:00Z", "2024-01-31T23:59:60Z",
        // offsets at and past the edge, and in other forms
        "2024-01-31T09:30:00+18:00", "2024-01-31T09:30:00-18:00", "2024-01-31T09:30:00+18:30",
        "2024-01-31T09:30:00+19:00", "2024-01-31T09:30:00+00:60", "2024-01-31T09:30:00+01", "2024-01-31T09:30:00+0100",
        "2024-01-31T09:30:00+01:00:30", "2024-01-31T09:30:00+0:00", "2024-01-31T09:30:00z", "2024-01-31T09:30:00",
        "2024-01-31T09:30:00Zx", "2024-01-31T09:30:00 Z", "2024-01-31T09:30:00*01:00",
        // other forms the formatter may read
        "2024-01-31t09:30:00Z", "2024-01-31T09:30Z", "2024-01-31T09:30:00.Z", "2024-01-31T09:30:00.1234567891Z",
        "+12024-01-31T09:30:00Z", "-0001-01-01T00:00:00Z", "2024-01-31 09:30:00Z", "2024-1-31T09:30:00Z",
        // digits of other scripts
        "2024-01-31T09:30:0\u0661Z", "\uff12024-01-31T09:30:00Z",
        // not timestamps
        "", "2024-13-01", "yesterday", "2024-01-31T09:30:00.123456789"})
    void agreesWithTheFormatter(String text) {
        assertAgreesWithTheFormatter(text);
    }

    @Test
    void agreesWithTheFormatterOnNearlyValidTimestamps() {
        Random random = new Random(1_706_693_400L);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder("%04d-%02d-%02dT%02d:%02d:%02d".formatted(
                    random.nextInt(10_000), random.nextInt(14), random.nextInt(33),
                    random.nextInt(26), random.nextInt(62), random.nextInt(62)));
            if (random.nextBoolean()) {
                text.append('.').append(String.valueOf(random.nextLong(Long.MAX_VALUE)), 0, random.nextInt(12));
            }
            text.append(switch (random.nextInt(3)) {
                case 0 -> "Z";
                case 1 -> "%s%02d:%02d".formatted(random.nextBoolean() ? "+" : "-", random.nextInt(20),
                        random.nextInt(62));
                default -> "";
            });
            if (random.nextInt(10) == 0) {
                text.setCharAt(random.nextInt(text.length()), (char) random.nextInt(' ', '~' + 1));
            }
            assertAgreesWithTheFormatter(text.toString());
        }
    }

    private static void assertAgreesWithTheFormatter(String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            expected = null;
        }
        OffsetDateTime actual;
        try {
            actual = Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            actual = null;
        }
        assertThat(actual).as("'%s'", text).isEqualTo(expected); // the same instant and the same offset
    }
}
