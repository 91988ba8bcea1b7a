package dev.tributary.dispatcher.http;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs request bodies as GitHub signs webhooks: {@code X-Tributary-Signature: sha256=<hex HMAC-SHA256 of the body>},
 * so a function can check that a request came from this dispatcher and was not altered. Thread-safe.
 */
final class RequestSigner {

    static final String HEADER = "X-Tributary-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param secret the shared secret; copied */
    RequestSigner(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the signing secret is empty; give a secret of at least 32 random "
                    + "bytes, or none to send requests unsigned");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The header value for {@code body}: {@code sha256=} and 64 lowercase hexadecimal digits. */
    String sign(byte[] body) {
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
