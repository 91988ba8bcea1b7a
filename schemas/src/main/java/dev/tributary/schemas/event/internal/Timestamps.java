package dev.tributary.schemas.event.internal;

import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 timestamps as {@link OffsetDateTime#parse(CharSequence)} reads them, with a fast path for the form
 * producers write, {@code 2024-01-31T09:30:00.123Z} or with an offset such as {@code +01:00}.
 *
 * <p>The formatter behind {@code OffsetDateTime.parse} builds maps of fields and copies them while it parses,
 * which made it one of the costliest steps of reading a binary-mode event. The fast path accepts only text it
 * reads to the same value; anything else (another form, a field out of range, a day the month lacks) goes to the
 * formatter, which accepts or rejects it exactly as before.
 */
final class Timestamps {

    /** {@code yyyy-MM-ddTHH:mm:ss}. */
    private static final int DATE_TIME_LENGTH = 19;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int[] NANOS_PER_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000,
            100, 10, 1};

    private Timestamps() {
    }

    /**
     * The timestamp {@code text} names.
     *
     * @throws DateTimeParseException when it is not one, from {@link OffsetDateTime#parse(CharSequence)}
     */
    static OffsetDateTime parse(String text) {
        OffsetDateTime fast = parseCommonForm(text);
        return fast != null ? fast : OffsetDateTime.parse(text);
    }

    /** The timestamp, or {@code null} when {@code text} is not in the common form or a field is out of range. */
    private static OffsetDateTime parseCommonForm(String text) {
        int length = text.length();
        if (length < DATE_TIME_LENGTH + 1 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int position = DATE_TIME_LENGTH;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && isDigit(text.charAt(position))) {
                position++;
            }
            int count = position - start;
            if (count == 0 || count > MAX_FRACTION_DIGITS) {
                return null;
            }
            nanos = digits(text, start, count) * NANOS_PER_DIGIT[count];
        }
        ZoneOffset offset = offset(text, position);
        return offset == null ? null
                : OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    }

    /** The offset {@code Z}, {@code +hh:mm} or {@code -hh:mm} that ends {@code text} at {@code position}. */
    private static ZoneOffset offset(String text, int position) {
        int remaining = text.length() - position;
        if (remaining == 1 && text.charAt(position) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (remaining != 6 || text.charAt(position + 3) != ':') {
            return null;
        }
        char sign = text.charAt(position);
        int hours = digits(text, position + 1, 2);
        int minutes = digits(text, position + 4, 2);
        // Offsets reach +-18:00; the formatter alone decides the edge.
        if ((sign != '+' && sign != '-') || hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
            return null;
        }
        return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    }

    /** The decimal number of {@code count} ASCII digits at {@code start}, or -1 when one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
