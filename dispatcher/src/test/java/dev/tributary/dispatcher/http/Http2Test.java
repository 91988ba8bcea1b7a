package dev.tributary.dispatcher.http;

import static dev.tributary.dispatcher.http.TestEvents.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real HTTP/2 server over cleartext: the invoker offers the upgrade and keeps using HTTP/2 once the
 * server takes it. The function answers 204, so nothing is produced and the producer is a mock.
 */
class Http2Test {

    private final Vertx vertx = Vertx.vertx();
    private final List<HttpVersion> versions = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setHttp2ClearTextEnabled(true))
                .requestHandler(request -> {
                    versions.add(request.version());
                    request.body().onComplete(body -> request.response().setStatusCode(204).end());
                })
                .listen().await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void requestsGoOverHttp2WhenTheServerOffersIt() throws Exception {
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        try (HttpFunctionInvoker invoker = HttpFunctionInvoker.create("h2", URI.create("http://127.0.0.1:"
                        + server.actualPort() + "/fn"), Optional.empty(), producer, Duration.ofSeconds(10), 4,
                Optional.empty(), Clock.systemUTC())) {
            for (int i = 0; i < 5; i++) {
                invoker.invoke(input(CloudEventBuilder.v1().withId("e" + i).withSource(URI.create("/test"))
                        .withType("com.example.reading").withData("text/plain", new byte[] {'x'}).build(), "k"), 1)
                        .toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }

        assertThat(versions).hasSize(5);
        assertThat(versions.getLast()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(producer.history()).isEmpty();
    }
}
