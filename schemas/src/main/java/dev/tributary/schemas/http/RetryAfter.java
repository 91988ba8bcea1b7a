package dev.tributary.schemas.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Retry-After} header of RFC 9110, section 10.2.3: a number of seconds, or an HTTP-date in the
 * preferred IMF-fixdate form ({@code Sun, 06 Nov 1994 08:49:37 GMT}). The obsolete RFC 850 and asctime date forms
 * are not read; a value that cannot be read is ignored and the retry policy's backoff applies.
 */
public final class RetryAfter {

    public static final String HEADER = "Retry-After";

    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,18}");

    private RetryAfter() {
    }

    /** How long to wait from now, as {@code clock} tells it; a date in the past is no wait at all. */
    public static Optional<Duration> parse(String value, Clock clock) {
        String text = value.trim();
        if (SECONDS.matcher(text).matches()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), date.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
