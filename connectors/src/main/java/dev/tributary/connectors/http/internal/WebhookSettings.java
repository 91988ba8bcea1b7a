package dev.tributary.connectors.http.internal;

import dev.tributary.connectors.http.WebhookFormat;
import dev.tributary.connectors.internal.Setting;
import dev.tributary.connectors.internal.SinkConfig;
import dev.tributary.connectors.internal.ValueTypes;
import dev.tributary.sdk.FunctionConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of a webhook sink, defined once: read from the function's {@code config} map, checked, and
 * rendered into the reference.
 *
 * @param url             where events are POSTed
 * @param format          how an event is put into a request
 * @param timeout         how long a request may wait for the response headers
 * @param connectTimeout  how long connecting may take
 * @param headers         headers added to every request
 * @param signingSecret   the HMAC-SHA256 key that signs bodies, or empty to send them unsigned
 * @param signatureHeader the header that carries the signature
 */
public record WebhookSettings(URI url, WebhookFormat format, Duration timeout, Duration connectTimeout,
                              Map<String, String> headers, Optional<String> signingSecret, String signatureHeader) {

    public static final Setting<URI> URL = Setting.required("url", ValueTypes.httpUrl(),
            "Where each event is POSTed. Redirects are not followed.");
    public static final Setting<WebhookFormat> FORMAT = Setting.withDefault("format",
            ValueTypes.choice(WebhookFormat.class), WebhookFormat.BINARY,
            "`binary`: CloudEvents binary mode (`ce-*` headers, the data as the body); `structured`: one"
                    + " `application/cloudevents+json` object; `data`: the JSON data alone.");
    public static final Setting<Duration> TIMEOUT = Setting.withDefault("timeout",
            ValueTypes.duration(Duration.ofMillis(1), Duration.ofMinutes(5)), Duration.ofSeconds(10),
            "How long a request may wait for the response headers; then it fails and is retried. Keep it below the"
                    + " subscription's `timeout`.");
    public static final Setting<Duration> CONNECT_TIMEOUT = Setting.withDefault("connectTimeout",
            ValueTypes.duration(Duration.ofMillis(1), Duration.ofMinutes(1)), Duration.ofSeconds(5),
            "How long opening a connection may take; then the attempt fails and is retried.");
    public static final Setting<Map<String, String>> HEADERS = Setting.withDefault("headers",
            ValueTypes.textMap("header names and values, not Content-Type, ce-* or the signature header"), Map.of(),
            "Headers added to every request, such as `Authorization: Bearer ${env:HOOK_TOKEN}`.");
    public static final Setting<String> SIGNING_SECRET = Setting.optional("signingSecret",
            ValueTypes.text("a shared secret, such as 32 random bytes in hex"),
            "Signs every body with HMAC-SHA256 under this key, so the receiver can check where it came from;"
                    + " take it from the environment (`${env:NAME}`). Without it, requests are unsigned.");
    public static final Setting<String> SIGNATURE_HEADER = Setting.withDefault("signatureHeader",
            ValueTypes.text("an HTTP header name"), "X-Tributary-Signature",
            "The header that carries the signature, `sha256=` and the HMAC's 64 lower-case hex digits.");

    /** Every setting, in the reference's order. */
    public static final List<Setting<?>> ALL = List.of(URL, FORMAT, TIMEOUT, CONNECT_TIMEOUT, HEADERS,
            SIGNING_SECRET, SIGNATURE_HEADER);

    /** An HTTP field name (RFC 9110, section 5.1). */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * Reads and checks the settings.
     *
     * @throws IllegalArgumentException naming the setting and what is allowed
     */
    public static WebhookSettings read(FunctionConfig config) {
        SinkConfig sink = SinkConfig.of(config, "WebhookSink", ALL);
        String signatureHeader = sink.get(SIGNATURE_HEADER).strip();
        checkHeaderName(sink, SIGNATURE_HEADER.name(), signatureHeader);
        Map<String, String> headers = sink.get(HEADERS);
        headers.forEach((name, value) -> checkHeader(sink, name, value, signatureHeader));
        return new WebhookSettings(sink.get(URL), sink.get(FORMAT), sink.get(TIMEOUT), sink.get(CONNECT_TIMEOUT),
                headers, sink.find(SIGNING_SECRET), signatureHeader);
    }

    /** The settings without header values or the secret: either may be a credential. */
    @Override
    public String toString() {
        return "WebhookSettings[url=" + url.getScheme() + "://" + url.getHost() + ", format=" + format + ", timeout="
                + timeout + ", connectTimeout=" + connectTimeout + ", headers=" + headers.keySet() + ", signed="
                + signingSecret.isPresent() + "]";
    }

    private static void checkHeader(SinkConfig sink, String name, String value, String signatureHeader) {
        String key = HEADERS.name() + "." + name;
        checkHeaderName(sink, key, name);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("content-type") || lower.startsWith("ce-") || name.equalsIgnoreCase(signatureHeader)) {
            throw sink.invalid(key, "is set by the sink itself; remove it (the format decides Content-Type and ce-*"
                    + " headers, signingSecret the signature)");
        }
        try {
            HttpRequest.newBuilder().header(name, value);
        } catch (IllegalArgumentException e) {
            throw sink.invalid(key, "cannot be sent: the value has a line break or another character a header"
                    + " cannot carry");
        }
    }

    private static void checkHeaderName(SinkConfig sink, String key, String name) {
        if (!TOKEN.matcher(name).matches()) {
            throw sink.invalid(key, "'" + name + "' is not an HTTP header name: use letters, digits and - such as"
                    + " X-Api-Key");
        }
        try {
            HttpRequest.newBuilder().header(name, "x");
        } catch (IllegalArgumentException e) {
            throw sink.invalid(key, "the HTTP client sets '" + name + "' itself (Host, Content-Length, Connection,"
                    + " Expect and Upgrade are its own); remove it");
        }
    }
}
