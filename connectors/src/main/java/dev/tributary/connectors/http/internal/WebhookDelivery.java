package dev.tributary.connectors.http.internal;

import dev.tributary.sdk.Event;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Clock;

/**
 * Delivers events to one webhook over one {@link HttpClient}, which keeps idle connections open for the next
 * requests (HTTP/1.1 keep-alive, or HTTP/2 over TLS where the receiver offers it). The JDK client has no per-host
 * connection limit: at most as many connections are open as requests are in flight, and the subscription's
 * {@code concurrency} caps those. Thread-safe.
 */
public final class WebhookDelivery implements AutoCloseable {

    private final WebhookRequests requests;
    private final WebhookFailures failures;
    private final HttpClient client;

    private WebhookDelivery(WebhookRequests requests, WebhookFailures failures, HttpClient client) {
        this.requests = requests;
        this.failures = failures;
        this.client = client;
    }

    public static WebhookDelivery open(String functionName, WebhookSettings settings, Clock clock) {
        WebhookFailures failures = new WebhookFailures(functionName, settings.url(), settings.connectTimeout(),
                settings.timeout(), clock);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(settings.connectTimeout())
                // A POST redirected becomes a GET in most clients' hands: a moved receiver is a configuration error.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new WebhookDelivery(new WebhookRequests(settings, failures), failures, client);
    }

    /**
     * Sends the event and returns once the receiver answered 2xx.
     *
     * @throws dev.tributary.sdk.OverloadedException   for 429 and 503, with their {@code Retry-After}
     * @throws dev.tributary.sdk.RetryableException    for other 5xx, connection errors and timeouts
     * @throws dev.tributary.sdk.NonRetryableException for other statuses, and events the format cannot carry
     */
    public void deliver(Event<byte[]> event) {
        HttpRequest request = requests.build(event);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, WebhookDelivery::bodyFor);
        } catch (IOException e) {
            throw failures.forIo(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.abandoned(e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        byte[] bodyStart;
        try (InputStream body = response.body()) {
            bodyStart = body.readNBytes(WebhookFailures.QUOTED_BODY_BYTES + 1);
        } catch (IOException e) {
            // The status decides; the body only explains it.
            bodyStart = new byte[0];
        }
        throw failures.forStatus(status, response.headers(), bodyStart);
    }

    /**
     * Closes the client and its connections. The dispatcher closes a function only once its invocations have
     * finished or been abandoned, so a request still out has nobody waiting for it: it is cut off rather than
     * awaited for up to its timeout.
     */
    @Override
    public void close() {
        client.shutdownNow();
        client.close();
    }

    /**
     * A 2xx body is read and dropped, so the connection can carry the next request; an error body is read only as
     * far as the failure message quotes it.
     */
    private static HttpResponse.BodySubscriber<InputStream> bodyFor(HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        return status >= 200 && status < 300
                ? BodySubscribers.replacing(InputStream.nullInputStream())
                : BodySubscribers.ofInputStream();
    }
}
