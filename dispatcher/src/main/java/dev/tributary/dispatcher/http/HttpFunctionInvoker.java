package dev.tributary.dispatcher.http;

import dev.tributary.dispatcher.FunctionInvoker;
import dev.tributary.dispatcher.internal.LogContext;
import dev.tributary.dispatcher.internal.OutputWriter;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.Output;
import dev.tributary.sdk.RetryableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;

/**
 * Invokes a remote function over the CloudEvents HTTP protocol binding: each event is a {@code POST} to the
 * function's URL in binary mode, with {@code X-Tributary-Attempt} and, when a secret is configured,
 * {@code X-Tributary-Signature: sha256=<hex HMAC-SHA256 of the body>}.
 *
 * <p>A 2xx reply may carry events (binary mode, {@code application/cloudevents+json} or
 * {@code application/cloudevents-batch+json}); they go to the output topic, and the invocation completes once
 * Kafka has acknowledged all of them, so an input is done only when its outputs are safe. A reply event keeps its
 * own id, source and type, and takes the input's key when it has no {@code partitionkey}. 204, or a 2xx without
 * events, completes with no output.
 *
 * <p>A failed invocation completes the returned stage exceptionally with the exception itself, not wrapped
 * ({@code whenComplete} and {@code exceptionally} see it as it is; {@code join()} wraps it in a
 * {@code CompletionException} whose cause it is, as {@code CompletableFuture} always does):
 * <ul>
 *   <li>429 and 503: {@link RetryableException} whose {@code retryAfter()} is the {@code Retry-After} header;</li>
 *   <li>other 5xx, connection errors, connect and request timeouts: {@link RetryableException};</li>
 *   <li>other 4xx, 3xx, and replies that claim to carry events but do not: {@link NonRetryableException}, whose
 *       message has the status and the first KiB of the body;</li>
 *   <li>a reply that could not be written to Kafka: the producer's exception.</li>
 * </ul>
 *
 * <p>One {@link HttpClient} per function: HTTP/1.1 with keep-alive, or HTTP/2 where the server offers it. The JDK
 * client has no per-host connection limit, so at most {@code concurrency} requests are in flight; more wait for
 * a permit, within the invocation's time. Thread-safe.
 */
public final class HttpFunctionInvoker implements FunctionInvoker {

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final String functionName;
    private final String site;
    private final Optional<String> outputTopic;
    private final CloudEventRequests requests;
    private final Responses responses;
    private final HttpFailures failures;
    private final OutputWriter outputs;
    private final Semaphore permits;
    private final ExecutorService threads;
    private final HttpClient client;

    private HttpFunctionInvoker(String functionName, URI url, Optional<String> outputTopic,
                                Producer<byte[], byte[]> producer, Duration requestTimeout, int concurrency,
                                Optional<RequestSigner> signer, Clock clock) {
        Duration connectTimeout = requestTimeout.compareTo(MAX_CONNECT_TIMEOUT) < 0
                ? requestTimeout : MAX_CONNECT_TIMEOUT;
        this.functionName = functionName;
        this.site = "function " + functionName + " at " + url;
        this.outputTopic = outputTopic;
        this.requests = new CloudEventRequests(url, requestTimeout, signer);
        this.failures = new HttpFailures(site, connectTimeout, requestTimeout, clock);
        this.responses = new Responses(new Replies(site), failures);
        this.outputs = new OutputWriter(producer, functionName);
        this.permits = new Semaphore(concurrency, true);
        this.threads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("tributary-http-" + functionName + "-", 0).factory());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(threads)
                .build();
    }

    /**
     * An invoker for the function at {@code url}.
     *
     * @param functionName   the function's name, for messages and thread names
     * @param url            an absolute {@code http} or {@code https} URL that takes the {@code POST}s
     * @param outputTopic    where reply events go; without one, a reply with events fails
     * @param producer       the process's shared producer, idempotent with {@code acks=all}
     * @param requestTimeout how long a request may wait for the response headers; connecting gets at most 5 s of it
     * @param concurrency    the most requests in flight to the function, at least 1
     * @param signingSecret  the secret that signs request bodies, or empty to send them unsigned; copied
     * @param clock          reads {@code Retry-After} dates
     */
    public static HttpFunctionInvoker create(String functionName, URI url, Optional<String> outputTopic,
                                             Producer<byte[], byte[]> producer, Duration requestTimeout,
                                             int concurrency, Optional<byte[]> signingSecret, Clock clock) {
        Objects.requireNonNull(functionName, "functionName of an HTTP function");
        Objects.requireNonNull(url, "url of HTTP function " + functionName);
        String scheme = url.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || url.getHost() == null) {
            throw new IllegalArgumentException("function " + functionName + ": url '" + url
                    + "' is not an absolute http or https URL, e.g. http://resize.default.svc:8080/");
        }
        Objects.requireNonNull(outputTopic, "outputTopic of function " + functionName + " (Optional.empty() for none)");
        Objects.requireNonNull(producer, "producer for the outputs of function " + functionName);
        Objects.requireNonNull(requestTimeout, "requestTimeout of function " + functionName);
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("function " + functionName
                    + ": the request timeout must be positive, not " + requestTimeout);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("function " + functionName + ": concurrency must be at least 1, not "
                    + concurrency);
        }
        Objects.requireNonNull(signingSecret,
                "signingSecret of function " + functionName + " (Optional.empty() for none)");
        Objects.requireNonNull(clock, "clock");
        Optional<RequestSigner> signer;
        try {
            signer = signingSecret.map(RequestSigner::new);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("function " + functionName + ": " + e.getMessage(), e);
        }
        return new HttpFunctionInvoker(functionName, url, outputTopic, producer, requestTimeout, concurrency, signer,
                clock);
    }

    /**
     * Sends the event on a virtual thread of its own. If the caller gives up on the returned stage (it times out or
     * is cancelled), the request is interrupted and its reply dropped: an abandoned invocation never writes.
     */
    @Override
    public CompletionStage<Void> invoke(KafkaEvent event, int attempt) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Future<?> task = threads.submit(() -> run(event, attempt, result));
        result.whenComplete((done, error) -> {
            if (error != null) {
                task.cancel(true);
            }
        });
        return result;
    }

    private void run(KafkaEvent event, int attempt, CompletableFuture<Void> result) {
        try (LogContext ignored = LogContext.of(functionName, event)) {
            List<Output> replies = exchange(event, attempt);
            if (replies.isEmpty()) {
                result.complete(null);
                return;
            }
            String topic = outputTopic.orElseThrow(() -> failures.noOutputTopic(replies.size()));
            if (result.isDone()) {
                return;
            }
            outputs.write(event, replies.stream().map(output -> new OutputWriter.Emitted(topic, output)).toList())
                    .whenComplete((done, error) -> {
                        if (error == null) {
                            result.complete(null);
                        } else {
                            result.completeExceptionally(error instanceof CompletionException wrapped
                                    && wrapped.getCause() != null ? wrapped.getCause() : error);
                        }
                    });
        } catch (InterruptedException e) {
            // The caller gave up, or the invoker is closing: nobody waits for this result any more.
            result.completeExceptionally(new RetryableException(site + ": the request was abandoned", e));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private List<Output> exchange(KafkaEvent event, int attempt) throws InterruptedException {
        HttpRequest request = request(event, attempt);
        permits.acquire();
        try {
            return responses.read(client.send(request, BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw failures.forIo(e);
        } finally {
            permits.release();
        }
    }

    private HttpRequest request(KafkaEvent event, int attempt) {
        try {
            return requests.build(event, attempt);
        } catch (IllegalArgumentException e) {
            // The JDK refuses a header value it cannot send, such as a content type with a line break in it.
            throw new NonRetryableException(site + ": event " + OneLine.of(event.cloudEvent().getId())
                    + " cannot be sent over HTTP: " + OneLine.of(String.valueOf(e.getMessage())), e);
        }
    }

    /** How many invocations wait for a permit to send; for tests. */
    int waitingForPermit() {
        return permits.getQueueLength();
    }

    /** It sends the request from a virtual thread of its own and returns. */
    @Override
    public boolean returnsAtOnce() {
        return true;
    }

    /** Aborts the requests in flight and waits up to 10 s for their threads to end. */
    @Override
    public void close() {
        client.shutdownNow();
        threads.shutdownNow();
        try {
            threads.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
