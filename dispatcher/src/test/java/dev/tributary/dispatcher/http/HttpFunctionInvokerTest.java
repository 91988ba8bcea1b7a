package dev.tributary.dispatcher.http;

import static dev.tributary.dispatcher.http.TestEvents.utf8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** What {@link HttpFunctionInvoker#create} refuses, before any request is sent. */
class HttpFunctionInvokerTest {

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    private HttpFunctionInvoker create(String url, Duration timeout, int concurrency, Optional<byte[]> secret) {
        return HttpFunctionInvoker.create("resize", URI.create(url), Optional.empty(), producer, timeout, concurrency,
                secret, Clock.systemUTC());
    }

    @Test
    void refusesAUrlThatIsNotAbsoluteHttp() {
        assertThatThrownBy(() -> create("/events", Duration.ofSeconds(1), 1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("function resize: url '/events' is not an absolute http or https URL, "
                        + "e.g. http://resize.default.svc:8080/");
        assertThatThrownBy(() -> create("ftp://host/x", Duration.ofSeconds(1), 1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANonPositiveTimeoutOrConcurrency() {
        assertThatThrownBy(() -> create("http://host/", Duration.ZERO, 1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the request timeout must be positive");
        assertThatThrownBy(() -> create("http://host/", Duration.ofSeconds(1), 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency must be at least 1, not 0");
    }

    @Test
    void refusesAnEmptySigningSecret() {
        assertThatThrownBy(() -> create("http://host/", Duration.ofSeconds(1), 1, Optional.of(utf8(""))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("function resize: the signing secret is empty");
    }
}
