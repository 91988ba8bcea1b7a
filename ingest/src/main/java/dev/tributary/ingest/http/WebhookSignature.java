package dev.tributary.ingest.http;

import java.util.Objects;

/**
 * How a webhook's sender signs its requests: a header carrying the hex HMAC-SHA256 of the raw body under a shared
 * secret, optionally after a fixed prefix. The secret comes from whoever builds the settings (the launcher reads it
 * from the environment); it is copied in and never printed.
 */
public final class WebhookSignature {

    /** GitHub's header: {@code X-Hub-Signature-256: sha256=<hex>}. */
    public static final String GITHUB_HEADER = "X-Hub-Signature-256";
    static final String GITHUB_PREFIX = "sha256=";

    private final String header;
    private final String prefix;
    private final byte[] secret;

    private WebhookSignature(String header, String prefix, byte[] secret) {
        if (header == null || !header.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("'" + header + "' is not an HTTP header name for a webhook signature; "
                    + "use letters, digits and '-', e.g. X-Signature");
        }
        Objects.requireNonNull(secret, "secret of the webhook signature in " + header);
        if (secret.length == 0) {
            throw new IllegalArgumentException("the webhook secret for " + header + " is empty; give the secret "
                    + "shared with the sender, at least 32 random bytes");
        }
        this.header = header;
        this.prefix = prefix;
        this.secret = secret.clone();
    }

    /** GitHub's style: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}. */
    public static WebhookSignature github(byte[] secret) {
        return new WebhookSignature(GITHUB_HEADER, GITHUB_PREFIX, secret);
    }

    /** A header whose whole value is the hex HMAC-SHA256 of the body, upper- or lowercase. */
    public static WebhookSignature hexDigest(String header, byte[] secret) {
        return new WebhookSignature(header, "", secret);
    }

    /** The header that carries the signature. */
    public String header() {
        return header;
    }

    /** What the header's value starts with before the hex digest: {@code sha256=} for GitHub, else nothing. */
    public String prefix() {
        return prefix;
    }

    /** A copy of the shared secret. */
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "WebhookSignature[header=" + header + (prefix.isEmpty() ? "" : ", prefix=" + prefix)
                + ", secret=***]";
    }
}
