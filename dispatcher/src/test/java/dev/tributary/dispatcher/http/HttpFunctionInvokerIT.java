package dev.tributary.dispatcher.http;

import static dev.tributary.dispatcher.http.TestEvents.input;
import static dev.tributary.dispatcher.http.TestEvents.text;
import static dev.tributary.dispatcher.http.TestEvents.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.RetryableException;
import dev.tributary.testkit.BootstrapServers;
import dev.tributary.testkit.KafkaTestClients;
import dev.tributary.testkit.WithLocalKafka;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The invoker against a real HTTP server in this JVM and a real Kafka broker: what each answer of a function
 * means for the event, and that replies reach the output topic.
 */
@WithLocalKafka(scope = WithLocalKafka.Scope.RUN)
class HttpFunctionInvokerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final byte[] SECRET = utf8("s3cr3t-shared-with-the-function");

    private static String bootstrap;
    private static KafkaProducer<byte[], byte[]> producer;

    private final ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
    /** Opened at the end of each test, so that handlers that wait for it return. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** A request as the server saw it. */
    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().getFirst())
                    .findFirst().orElse(null);
        }
    }

    @BeforeAll
    static void startProducer(@BootstrapServers String servers) {
        bootstrap = servers;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void okWithABinaryReplyWritesTheReplyToTheOutputTopicWithTheInputsKey() throws Exception {
        KafkaTestClients.createTopic(bootstrap, "http-ok-out", 1, (short) 1, Map.of());
        URI url = serve("/resize", exchange -> reply(exchange, 200, Map.of(
                "ce-specversion", "1.0", "ce-id", "thumb-1", "ce-source", "/resizer", "ce-type", "com.example.resized",
                "ce-subject", "caf%C3%A9", "Content-Type", "text/plain"), "64x64"));

        try (HttpFunctionInvoker invoker = invoker(url, "http-ok-out", Duration.ofSeconds(10), 4, Optional.empty())) {
            assertThat(outcome(invoker.invoke(order("order-1", "customer-7"), 1))).isNull();
        }

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.header("ce-id")).isEqualTo("order-1");
            assertThat(request.header("ce-partitionkey")).isEqualTo("customer-7");
            assertThat(request.header("X-Tributary-Attempt")).isEqualTo("1");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(text(request.body())).isEqualTo("{\"total\":42}");
        });
        List<ConsumerRecord<String, String>> outputs = KafkaTestClients.readTopic(bootstrap, "http-ok-out", WAIT);
        assertThat(outputs).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("customer-7");
            assertThat(record.value()).isEqualTo("64x64");
            assertThat(header(record, "ce_id")).isEqualTo("thumb-1");
            assertThat(header(record, "ce_type")).isEqualTo("com.example.resized");
            assertThat(header(record, "ce_subject")).isEqualTo("café");
            assertThat(header(record, "content-type")).isEqualTo("text/plain");
        });
    }

    @Test
    void aBatchReplyWritesEveryEventEachWithItsPartitionKeyOrTheInputsKey() throws Exception {
        KafkaTestClients.createTopic(bootstrap, "http-batch-out", 1, (short) 1, Map.of());
        URI url = serve("/split", exchange -> reply(exchange, 200,
                Map.of("Content-Type", "application/cloudevents-batch+json"), """
                        [{"specversion": "1.0", "id": "line-1", "source": "/splitter", "type": "com.example.line",
                          "partitionkey": "sku-1", "datacontenttype": "text/plain", "data": "one"},
                         {"specversion": "1.0", "id": "line-2", "source": "/splitter", "type": "com.example.line",
                          "datacontenttype": "text/plain", "data": "two"}]
                        """));

        try (HttpFunctionInvoker invoker = invoker(url, "http-batch-out", Duration.ofSeconds(10), 4,
                Optional.empty())) {
            assertThat(outcome(invoker.invoke(order("order-2", "customer-8"), 1))).isNull();
        }

        List<ConsumerRecord<String, String>> outputs = KafkaTestClients.readTopic(bootstrap, "http-batch-out", WAIT);
        assertThat(outputs).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("sku-1", "one"),
                        tuple("customer-8", "two"));
    }

    @Test
    void noContentWritesNothing() throws Exception {
        KafkaTestClients.createTopic(bootstrap, "http-no-content-out", 1, (short) 1, Map.of());
        URI url = serve("/drop", exchange -> reply(exchange, 204, Map.of(), ""));

        try (HttpFunctionInvoker invoker = invoker(url, "http-no-content-out", Duration.ofSeconds(10), 4,
                Optional.empty())) {
            assertThat(outcome(invoker.invoke(order("order-3", "customer-9"), 1))).isNull();
        }

        assertThat(received).hasSize(1);
        assertThat(KafkaTestClients.readTopic(bootstrap, "http-no-content-out", WAIT)).isEmpty();
    }

    @Test
    void tooManyRequestsIsRetryableAfterTheDelayTheFunctionAsked() throws Exception {
        URI url = serve("/busy", exchange -> reply(exchange, 429, Map.of("Retry-After", "2"), "slow down"));

        Throwable error = invokeOnce(url, Duration.ofSeconds(10));

        assertThat(error).isInstanceOf(RetryableException.class).hasMessageContaining("HTTP 429: slow down");
        assertThat(((RetryableException) error).retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void serviceUnavailableIsRetryable() throws Exception {
        URI url = serve("/down", exchange -> reply(exchange, 503, Map.of(), "maintenance"));

        assertThat(invokeOnce(url, Duration.ofSeconds(10))).isInstanceOf(RetryableException.class)
                .hasMessageContaining("HTTP 503: maintenance");
    }

    @Test
    void badRequestIsNotRetryableAndCarriesTheBody() throws Exception {
        URI url = serve("/strict", exchange -> reply(exchange, 400, Map.of("Content-Type", "application/json"),
                "{\"error\": \"missing field 'width'\"}\n"));

        assertThat(invokeOnce(url, Duration.ofSeconds(10))).isInstanceOf(NonRetryableException.class)
                .hasMessage("function resize at " + url + " answered HTTP 400: {\"error\": \"missing field 'width'\"}");
    }

    @Test
    void internalServerErrorIsRetryable() throws Exception {
        URI url = serve("/crash", exchange -> reply(exchange, 500, Map.of(), "NullPointerException"));

        assertThat(invokeOnce(url, Duration.ofSeconds(10))).isInstanceOf(RetryableException.class)
                .hasMessageContaining("HTTP 500: NullPointerException");
    }

    @Test
    void aFunctionThatNeverAnswersTimesOutAsRetryable() throws Exception {
        URI url = serve("/hang", exchange -> {
            awaitRelease();
            reply(exchange, 200, Map.of(), "too late");
        });

        assertThat(invokeOnce(url, Duration.ofMillis(300))).isInstanceOf(RetryableException.class)
                .hasMessageContaining("request timed out: no answer within 300 ms");
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(invokeOnce(URI.create("http://127.0.0.1:" + closedPort + "/"), Duration.ofSeconds(10)))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("connection error");
    }

    @Test
    void theSignatureVerifiesOnTheServer() throws Exception {
        AtomicBoolean verified = new AtomicBoolean();
        URI url = serve("/signed", exchange -> {
            byte[] expected = utf8("sha256=" + HexFormat.of().formatHex(hmacSha256(SECRET, received.getLast().body())));
            String signature = received.getLast().header("X-Tributary-Signature");
            verified.set(signature != null && MessageDigest.isEqual(expected, utf8(signature)));
            reply(exchange, verified.get() ? 204 : 401, Map.of(), verified.get() ? "" : "bad signature");
        });

        try (HttpFunctionInvoker invoker = invoker(url, "http-unused-out", Duration.ofSeconds(10), 4,
                Optional.of(SECRET))) {
            assertThat(outcome(invoker.invoke(order("order-4", "customer-1"), 1))).isNull();
        }

        assertThat(verified).isTrue();
    }

    @Test
    void requestsBeyondTheConcurrencyWaitForAPermit() throws Exception {
        URI url = serve("/slow", exchange -> {
            awaitRelease();
            reply(exchange, 204, Map.of(), "");
        });

        try (HttpFunctionInvoker invoker = invoker(url, "http-unused-out", Duration.ofSeconds(30), 2,
                Optional.empty())) {
            List<CompletionStage<Void>> invocations = List.of(
                    invoker.invoke(order("order-5", "a"), 1),
                    invoker.invoke(order("order-6", "b"), 1),
                    invoker.invoke(order("order-7", "c"), 1));

            await().atMost(WAIT).until(() -> received.size() == 2 && invoker.waitingForPermit() == 1);
            assertThat(received).as("the third waits while two are in flight").hasSize(2);

            release.countDown();
            for (CompletionStage<Void> invocation : invocations) {
                assertThat(outcome(invocation)).isNull();
            }
            assertThat(received).hasSize(3);
        }
    }

    private URI serve(String path, HttpHandler respond) {
        server.createContext(path, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            respond.handle(exchange);
        });
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        byte[] bytes = utf8(body);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (exchange) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpFunctionInvoker invoker(URI url, String outputTopic, Duration requestTimeout, int concurrency,
                                               Optional<byte[]> secret) {
        return HttpFunctionInvoker.create("resize", url, Optional.of(outputTopic), producer, requestTimeout,
                concurrency, secret, Clock.systemUTC());
    }

    /** The failure of one invocation, as the returned stage completes with it. */
    private static Throwable invokeOnce(URI url, Duration requestTimeout) throws Exception {
        try (HttpFunctionInvoker invoker = invoker(url, "http-unused-out", requestTimeout, 4, Optional.empty())) {
            Throwable error = outcome(invoker.invoke(order("order-9", "customer-2"), 1));
            assertThat(error).as("the invocation fails").isNotNull();
            return error;
        }
    }

    /** How the stage completed: null when it succeeded, else the exception it completed with, unwrapped by nothing. */
    private static Throwable outcome(CompletionStage<Void> stage) throws Exception {
        return stage.toCompletableFuture().handle((done, error) -> error).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static KafkaEvent order(String id, String key) {
        return input(CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/shop/checkout"))
                .withType("com.example.order.placed")
                .withData("application/json", utf8("{\"total\":42}"))
                .build(), key);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    private static byte[] hmacSha256(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
