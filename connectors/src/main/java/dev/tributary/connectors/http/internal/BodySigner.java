package dev.tributary.connectors.http.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs request bodies as GitHub signs webhooks: {@code sha256=<hex HMAC-SHA256 of the body>}, so a receiver can
 * check that a request came from this sink and was not altered. Thread-safe.
 */
public final class BodySigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param secret the shared secret, as UTF-8 bytes; not empty */
    public BodySigner(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the signing secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The header value for {@code body}: {@code sha256=} and 64 lower-case hexadecimal digits. */
    public String sign(byte[] body) {
        try {
            // A Mac is not thread-safe and cheap to make; a ThreadLocal would pin one per virtual thread.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM + ", this one failed", e);
        }
    }
}
