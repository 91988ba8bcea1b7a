package dev.tributary.dispatcher.http;

import dev.tributary.schemas.http.RetryAfter;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.OverloadedException;
import dev.tributary.sdk.RetryableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * What a failed exchange with a function means for the event:
 * <table>
 *   <caption>Failures and verdicts</caption>
 *   <tr><th>what happened</th><th>exception</th></tr>
 *   <tr><td>429, 503</td><td>{@link OverloadedException}, with {@code Retry-After} as its retry-after</td></tr>
 *   <tr><td>other 5xx</td><td>{@link RetryableException}</td></tr>
 *   <tr><td>other 4xx; 3xx (redirects are not followed); any other status</td>
 *       <td>{@link NonRetryableException}</td></tr>
 *   <tr><td>connection refused or lost, connect or request timeout</td><td>{@link RetryableException}</td></tr>
 * </table>
 * Messages name the function and URL, the status and the start of the body, on one line.
 */
final class HttpFailures {

    /** How much of an error body a message quotes. */
    static final int QUOTED_BODY_BYTES = 1024;

    private final String site;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Clock clock;

    /** @param site the function and URL, as messages name them */
    HttpFailures(String site, Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.site = site;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    /**
     * @param status    a status other than 2xx
     * @param bodyStart the start of the body; more than {@value #QUOTED_BODY_BYTES} bytes means it goes on
     */
    RuntimeException forStatus(int status, HttpHeaders headers, byte[] bodyStart) {
        String body = bodyStart.length == 0 ? " with an empty body"
                : ": " + OneLine.ofBytes(bodyStart, QUOTED_BODY_BYTES);
        String answer = site + " answered HTTP " + status + body;
        if (status == 429 || status == 503) {
            return new OverloadedException(answer, null, headers.firstValue(RetryAfter.HEADER)
                    .flatMap(value -> RetryAfter.parse(value, clock))
                    .orElse(null));
        }
        if (status >= 500 && status < 600) {
            return new RetryableException(answer);
        }
        if (status >= 400 && status < 500) {
            return new NonRetryableException(answer);
        }
        if (status >= 300 && status < 400) {
            return new NonRetryableException(answer + "; redirects are not followed: set the function's url to "
                    + headers.firstValue("Location").map(OneLine::of).orElse("where the function now is"));
        }
        return new NonRetryableException(answer + "; a function answers 2xx, 4xx or 5xx");
    }

    /** A request that got no answer: it may get one next time. */
    RetryableException forIo(IOException e) {
        String problem = switch (e) {
            case HttpConnectTimeoutException timeout -> "connection error: could not connect within "
                    + format(connectTimeout);
            case HttpTimeoutException timeout -> "request timed out: no answer within " + format(requestTimeout);
            case ConnectException refused -> "connection error: could not connect: " + describe(refused);
            default -> "connection error: " + describe(e);
        };
        return new RetryableException(site + ": " + problem, e);
    }

    NonRetryableException replyTooLarge(int limit) {
        return new NonRetryableException(site + " replied with more than " + limit / (1024 * 1024) + " MiB; "
                + "reply with fewer or smaller events, or write large data elsewhere and reply with a reference");
    }

    NonRetryableException noOutputTopic(int events) {
        return new NonRetryableException(site + " replied with " + events + " event(s), but the function has no "
                + "output topic; configure output.topic, or answer 204 when there is nothing to emit");
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + OneLine.of(e.getMessage());
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
