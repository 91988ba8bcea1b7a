package dev.tributary.dispatcher.http;

import static dev.tributary.dispatcher.http.TestEvents.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestSignerTest {

    @Test
    void signsWithHexHmacSha256OfTheBody() {
        // The HMAC-SHA256 example of Wikipedia's HMAC article, computed independently of this code.
        assertThat(new RequestSigner(utf8("key")).sign(utf8("The quick brown fox jumps over the lazy dog")))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void signsAnEmptyBody() {
        assertThat(new RequestSigner(utf8("key")).sign(new byte[0])).matches("sha256=[0-9a-f]{64}");
    }

    @Test
    void changingTheSecretAfterwardsChangesNothing() {
        byte[] secret = utf8("key");
        RequestSigner signer = new RequestSigner(secret);
        String before = signer.sign(utf8("body"));
        secret[0] = 'x';
        assertThat(signer.sign(utf8("body"))).isEqualTo(before);
    }

    @Test
    void rejectsAnEmptySecret() {
        assertThatThrownBy(() -> new RequestSigner(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signing secret is empty");
    }
}
