package dev.tributary.connectors.http;

import dev.tributary.connectors.http.internal.WebhookDelivery;
import dev.tributary.connectors.http.internal.WebhookSettings;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.FunctionConfig;
import java.time.Clock;
import java.util.Objects;

/**
 * A sink that POSTs each event to a URL: declare it as a function with
 * {@code handler: dev.tributary.connectors.http.WebhookSink} and its settings under {@code config} (see
 * docs/connectors.md): {@code url}, {@code format}, {@code timeout}, {@code connectTimeout}, {@code headers},
 * {@code signingSecret}, {@code signatureHeader}.
 *
 * <p>A 2xx answer completes the event. The others fail it so that the subscription's retry policy and dead-letter
 * topic apply: 429 and 503 with {@link dev.tributary.sdk.OverloadedException} (waiting at least their
 * {@code Retry-After}, and lowering the function's concurrency for a while), other 5xx, connection errors and
 * timeouts with {@link dev.tributary.sdk.RetryableException}, any other status with
 * {@link dev.tributary.sdk.NonRetryableException}, which names the status and quotes the start of the body.
 *
 * <p>Delivery is at least once: a retried or replayed event is POSTed again with the same CloudEvent {@code id}
 * and {@code source}, by which the receiver can drop the copy. Thread-safe, as the dispatcher needs.
 */
public final class WebhookSink implements EventFunction<byte[]> {

    private final Clock clock;
    private volatile WebhookDelivery delivery;

    public WebhookSink() {
        this(Clock.systemUTC());
    }

    /** @param clock reads {@code Retry-After} dates */
    WebhookSink(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws IllegalArgumentException naming the setting that is missing or not allowed, and what is */
    @Override
    public void open(FunctionConfig config) {
        delivery = WebhookDelivery.open(config.functionName(), WebhookSettings.read(config), clock);
    }

    @Override
    public void handle(Event<byte[]> event, Context context) {
        WebhookDelivery open = delivery;
        if (open == null) {
            throw new IllegalStateException("WebhookSink was not opened: call open(config) before handle");
        }
        open.deliver(event);
    }

    @Override
    public void close() {
        WebhookDelivery open = delivery;
        if (open != null) {
            delivery = null;
            open.close();
        }
    }
}
