package dev.tributary.dispatcher.http;

import static dev.tributary.dispatcher.http.TestEvents.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.RetryableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpFailuresTest {

    private static final String SITE = "function resize at http://127.0.0.1:8080/";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("1994-11-06T08:49:37Z"), ZoneOffset.UTC);

    private final HttpFailures failures = new HttpFailures(SITE, Duration.ofSeconds(5), Duration.ofMillis(1500), CLOCK);

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (n, v) -> true);
    }

    private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (n, v) -> true);

    @Test
    void tooManyRequestsIsRetryableAfterRetryAfterSeconds() {
        RuntimeException error = failures.forStatus(429, headers("Retry-After", "2"), utf8("slow down"));

        assertThat(error).isInstanceOf(RetryableException.class)
                .hasMessage(SITE + " answered HTTP 429: slow down");
        assertThat(((RetryableException) error).retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void serviceUnavailableIsRetryableAfterRetryAfterDate() {
        RuntimeException error = failures.forStatus(503, headers("retry-after", "Sun, 06 Nov 1994 08:50:37 GMT"),
                new byte[0]);

        assertThat(error).isInstanceOf(RetryableException.class).hasMessageContaining("HTTP 503 with an empty body");
        assertThat(((RetryableException) error).retryAfter()).contains(Duration.ofMinutes(1));
    }

    @Test
    void withoutRetryAfterTheRetryPolicyDecides() {
        assertThat(((RetryableException) failures.forStatus(503, NONE, new byte[0])).retryAfter()).isEmpty();
        assertThat(((RetryableException) failures.forStatus(429, headers("Retry-After", "later"), new byte[0]))
                .retryAfter()).isEmpty();
    }

    @Test
    void otherServerErrorsAreRetryable() {
        RuntimeException error = failures.forStatus(500, headers("Retry-After", "2"), utf8("boom"));

        assertThat(error).isInstanceOf(RetryableException.class).hasMessageContaining("HTTP 500: boom");
        assertThat(((RetryableException) error).retryAfter()).isEmpty();
    }

    @Test
    void clientErrorsAreNotRetryableAndQuoteTheBodyOnOneLine() {
        assertThat(failures.forStatus(400, NONE, utf8("missing field\r\n\t'width'\u0007")))
                .isInstanceOf(NonRetryableException.class)
                .hasMessage(SITE + " answered HTTP 400: missing field 'width'\\u0007");
        assertThat(failures.forStatus(404, NONE, new byte[0])).isInstanceOf(NonRetryableException.class);
    }

    @Test
    void quotesTheFirstKibOfALongerBody() {
        byte[] body = utf8("é".repeat(600));

        String message = failures.forStatus(422, NONE, body).getMessage();

        String quoted = message.substring(message.indexOf(": ") + 2);
        assertThat(quoted).isEqualTo("é".repeat(512) + "...");
        assertThat(utf8(quoted.substring(0, quoted.length() - 3))).hasSize(1024);
    }

    @Test
    void redirectsAreNotFollowedAndNameTheNewPlace() {
        assertThat(failures.forStatus(301, headers("Location", "http://new.example/"), new byte[0]))
                .isInstanceOf(NonRetryableException.class)
                .hasMessageContaining("redirects are not followed: set the function's url to http://new.example/");
    }

    @Test
    void timeoutsAndConnectionErrorsAreRetryableAndSayWhich() {
        assertThat(failures.forIo(new HttpTimeoutException("request timed out")))
                .hasMessage(SITE + ": request timed out: no answer within 1500 ms");
        assertThat(failures.forIo(new HttpConnectTimeoutException("HTTP connect timed out")))
                .hasMessage(SITE + ": connection error: could not connect within 5 s");
        assertThat(failures.forIo(new ConnectException()))
                .hasMessage(SITE + ": connection error: could not connect: ConnectException");
        assertThat(failures.forIo(new IOException("connection reset")))
                .hasMessage(SITE + ": connection error: IOException: connection reset")
                .hasCauseInstanceOf(IOException.class);
    }
}
