package dev.tributary.ingest.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.ingest.publish.KafkaPublisher;
import dev.tributary.ingest.publish.PublisherSettings;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The storage webhook mounted on a Vert.x Web router, as the launcher mounts it behind the HTTP adapter, publishing
 * a MinIO notification to a real broker.
 */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
@Timeout(60)
class StorageWebhookRouteIT {

    private final String bootstrap;
    private Vertx vertx;
    private HttpServer server;
    private WebClient client;
    private KafkaPublisher publisher;
    private String topic;

    StorageWebhookRouteIT(@BootstrapServers String bootstrap) {
        this.bootstrap = bootstrap;
    }

    @BeforeEach
    void mount(TestInfo test) throws Exception {
        topic = "webhook-" + test.getTestMethod().orElseThrow().getName();
        KafkaTestClients.createTopic(bootstrap, topic, 1, (short) 1, Map.of());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        publisher = KafkaPublisher.start(PublisherSettings.forBootstrapServers(bootstrap), registry, Clock.systemUTC());
        StorageWebhook webhook = StorageWebhook.create(StorageWebhookSettings.of("sensor-data", topic), publisher,
                registry, Clock.systemUTC());
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.post("/storage/sensor-data").handler(BodyHandler.create().setBodyLimit(1024 * 1024))
                .handler(webhook.routeHandler());
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client = WebClient.create(vertx);
    }

    @AfterEach
    void unmount() throws Exception {
        if (vertx == null) {
            return;
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        publisher.close();
    }

    @Test
    void aNotificationIsAnswered202OnceOnKafkaAndItsRedeliveryIsDropped() throws Exception {
        HttpResponse<Buffer> first = post(StorageWebhookTest.sample("minio-object-created.json"));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(first.bodyAsJsonObject()).isEqualTo(new JsonObject(Map.of("published", 1, "duplicates", 0,
                "ignored", 0)));
        List<ReceivedEvent> onKafka = ReceivedEvent.readTopic(bootstrap, topic);
        assertThat(onKafka).extracting(ReceivedEvent::summary).containsExactly("created 2025/03/01/device-17.csv");
        assertThat(onKafka.getFirst().recordKey()).isEqualTo("2025/03/01/device-17.csv");
        assertThat(onKafka.getFirst().data().get("etag").asText()).isEqualTo("5d41402abc4b2a76b9719d911017c592");

        HttpResponse<Buffer> redelivered = post(StorageWebhookTest.sample("minio-object-created.json"));

        assertThat(redelivered.statusCode()).isEqualTo(202);
        assertThat(redelivered.bodyAsJsonObject().getInteger("duplicates")).isEqualTo(1);
        assertThat(ReceivedEvent.readTopic(bootstrap, topic)).hasSize(1);
    }

    @Test
    void aMalformedBodyIsAnswered400NamingTheField() throws Exception {
        HttpResponse<Buffer> response = post("{\"Records\": [{\"eventName\": \"s3:ObjectCreated:Put\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo("Records[0].eventTime");
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("Records[0].eventTime: is missing");
    }

    private HttpResponse<Buffer> post(String body) throws Exception {
        return client.post(server.actualPort(), "127.0.0.1", "/storage/sensor-data")
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body))
                .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
