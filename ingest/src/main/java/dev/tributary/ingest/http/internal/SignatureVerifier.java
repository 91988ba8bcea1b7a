package dev.tributary.ingest.http.internal;

import dev.tributary.ingest.http.WebhookSignature;
import io.vertx.core.MultiMap;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook request's HMAC-SHA256 signature over the raw body, as its sender computed it with the shared
 * secret. The comparison is {@link MessageDigest#isEqual}, constant-time in the digest's content, so timing does not
 * reveal how much of a forged signature is right. Thread-safe.
 */
public final class SignatureVerifier {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int DIGEST_HEX_LENGTH = 64;

    private final WebhookSignature signature;
    private final SecretKeySpec key;

    public SignatureVerifier(WebhookSignature signature) {
        this.signature = signature;
        this.key = new SecretKeySpec(signature.secret(), ALGORITHM);
    }

    /**
     * @throws RequestRejected 401 when the signature header is missing, malformed, or does not match the body
     */
    public void verify(MultiMap headers, byte[] body) {
        String value = headers.get(signature.header());
        if (value == null) {
            throw RequestRejected.of(401, "the request is not signed: send " + signature.header() + ": "
                    + signature.prefix() + "<hex HMAC-SHA256 of the body with the webhook's secret>");
        }
        String trimmed = value.trim();
        if (!trimmed.regionMatches(true, 0, signature.prefix(), 0, signature.prefix().length())) {
            throw RequestRejected.of(401, "the signature in " + signature.header() + " does not start with '"
                    + signature.prefix() + "'");
        }
        byte[] presented = parseHex(trimmed.substring(signature.prefix().length()));
        if (presented == null || !MessageDigest.isEqual(hmac(body), presented)) {
            throw RequestRejected.of(401, "the signature in " + signature.header() + " does not match the body; "
                    + "sign the exact bytes sent with the webhook's secret (HMAC-SHA256, hex)");
        }
    }

    /** The HMAC-SHA256 of {@code body} under the secret. */
    byte[] hmac(byte[] body) {
        try {
            // A Mac is not thread-safe and cheap to make; requests run on several event loops.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM + ", this one failed", e);
        }
    }

    private static byte[] parseHex(String hex) {
        if (hex.length() != DIGEST_HEX_LENGTH) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
