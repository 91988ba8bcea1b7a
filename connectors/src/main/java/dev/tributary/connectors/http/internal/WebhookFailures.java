package dev.tributary.connectors.http.internal;

import dev.tributary.schemas.http.RetryAfter;
import dev.tributary.connectors.internal.OneLine;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.OverloadedException;
import dev.tributary.sdk.RetryableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * What a failed delivery means for the event:
 * <table>
 *   <caption>Failures and verdicts</caption>
 *   <tr><th>what happened</th><th>exception</th></tr>
 *   <tr><td>429, 503</td><td>{@link OverloadedException}, with {@code Retry-After} as its retry-after</td></tr>
 *   <tr><td>other 5xx</td><td>{@link RetryableException}</td></tr>
 *   <tr><td>other 4xx; 3xx (redirects are not followed); any other status</td>
 *       <td>{@link NonRetryableException}</td></tr>
 *   <tr><td>connection refused or lost, connect or request timeout</td><td>{@link RetryableException}</td></tr>
 * </table>
 * Messages name the function, the receiver, the status and the start of the body, on one line. The receiver is
 * named by its origin only: webhook URLs often carry a secret token in their path or query, and these messages end
 * up in logs and dead-letter headers.
 */
public final class WebhookFailures {

    /** How much of an error body a message quotes. */
    public static final int QUOTED_BODY_BYTES = 1024;

    private final String site;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Clock clock;

    public WebhookFailures(String functionName, URI url, Duration connectTimeout, Duration requestTimeout,
                           Clock clock) {
        this.site = "webhook " + functionName + " at " + origin(url);
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    /** The function and the receiver's origin, as messages name them. */
    public String site() {
        return site;
    }

    /**
     * @param status    a status other than 2xx
     * @param bodyStart the start of the body; more than {@value #QUOTED_BODY_BYTES} bytes means it goes on
     */
    public RuntimeException forStatus(int status, HttpHeaders headers, byte[] bodyStart) {
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
            return new NonRetryableException(answer + "; redirects are not followed: set the sink's url to "
                    + headers.firstValue("Location").map(OneLine::of).orElse("where the receiver now is"));
        }
        return new NonRetryableException(answer + "; a webhook answers 2xx, 4xx or 5xx");
    }

    /** A request that got no answer: it may get one next time. */
    public RetryableException forIo(IOException e) {
        String problem = switch (e) {
            case HttpConnectTimeoutException timeout -> "connection error: could not connect within "
                    + format(connectTimeout);
            case HttpTimeoutException timeout -> "request timed out: no answer within " + format(requestTimeout);
            case ConnectException refused -> "connection error: could not connect: " + describe(refused);
            default -> "connection error: " + describe(e);
        };
        return new RetryableException(site + ": " + problem, e);
    }

    /** The invocation was given up on (it timed out, or the function is stopping) while its request was out. */
    public RetryableException abandoned(InterruptedException e) {
        return new RetryableException(site + ": the request was abandoned", e);
    }

    /** An event that no request can carry in this format. */
    public NonRetryableException unsendable(String eventId, String problem) {
        return new NonRetryableException(site + ": event " + OneLine.of(eventId) + " " + problem);
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + OneLine.of(e.getMessage());
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
