package dev.tributary.ingest.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tributary.ingest.http.WebhookSignature;
import dev.tributary.ingest.testing.Hmac;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    private static final byte[] SECRET = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    private static MultiMap headers(String name, String value) {
        return MultiMap.caseInsensitiveMultiMap().add(name, value);
    }

    private static int statusOf(Runnable verification) {
        RequestRejected rejected = catchThrowableOfType(RequestRejected.class, verification::run);
        return rejected == null ? 200 : rejected.reply().status();
    }

    @Test
    void githubsDocumentedExampleVerifies() {
        // The example in GitHub's "Validating webhook deliveries".
        SignatureVerifier verifier = new SignatureVerifier(WebhookSignature.github(SECRET));

        assertThatCode(() -> verifier.verify(headers("X-Hub-Signature-256",
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void aSignatureOverOtherBytesOrWithAnotherSecretIsRefused() {
        SignatureVerifier verifier = new SignatureVerifier(WebhookSignature.github(SECRET));
        String otherBody = "sha256=" + Hmac.sha256Hex(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8));
        String otherSecret = "sha256=" + Hmac.sha256Hex("guess".getBytes(StandardCharsets.UTF_8), BODY);

        assertThat(statusOf(() -> verifier.verify(headers("X-Hub-Signature-256", otherBody), BODY))).isEqualTo(401);
        assertThat(statusOf(() -> verifier.verify(headers("X-Hub-Signature-256", otherSecret), BODY))).isEqualTo(401);
    }

    @Test
    void missingMalformedOrUnprefixedSignaturesAreRefused() {
        SignatureVerifier verifier = new SignatureVerifier(WebhookSignature.github(SECRET));
        String hex = Hmac.sha256Hex(SECRET, BODY);

        assertThat(statusOf(() -> verifier.verify(MultiMap.caseInsensitiveMultiMap(), BODY))).isEqualTo(401);
        assertThat(statusOf(() -> verifier.verify(headers("X-Hub-Signature-256", hex), BODY))).isEqualTo(401);
        assertThat(statusOf(() -> verifier.verify(headers("X-Hub-Signature-256", "sha256=" + hex.substring(2)), BODY)))
                .isEqualTo(401);
        assertThat(statusOf(() -> verifier.verify(headers("X-Hub-Signature-256", "sha256=" + "zz" + hex.substring(2)),
                BODY))).isEqualTo(401);
        assertThat(statusOf(() -> verifier.verify(headers("X-Hub-Signature-256", "sha256=" + hex), BODY)))
                .isEqualTo(200);
    }

    @Test
    void aHexDigestHeaderTakesTheBareDigestInEitherCase() {
        SignatureVerifier verifier = new SignatureVerifier(WebhookSignature.hexDigest("X-Signature", SECRET));
        String hex = Hmac.sha256Hex(SECRET, BODY);

        assertThat(statusOf(() -> verifier.verify(headers("x-signature", hex), BODY))).isEqualTo(200);
        assertThat(statusOf(() -> verifier.verify(headers("X-Signature", hex.toUpperCase()), BODY))).isEqualTo(200);
        assertThat(statusOf(() -> verifier.verify(headers("X-Signature", "sha256=" + hex), BODY))).isEqualTo(401);
    }

    @Test
    void theHmacIsSha256OfTheBodyUnderTheSecret() {
        SignatureVerifier verifier = new SignatureVerifier(WebhookSignature.github(SECRET));

        assertThat(HexFormat.of().formatHex(verifier.hmac(BODY))).isEqualTo(Hmac.sha256Hex(SECRET, BODY));
    }
}
