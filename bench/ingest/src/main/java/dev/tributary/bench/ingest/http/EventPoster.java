package dev.tributary.bench.ingest.http;

import dev.tributary.bench.ingest.child.AckRecorder;
import dev.tributary.bench.ingest.child.LoadWindow;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * One HTTP client of the load: posts a binary-mode CloudEvent ({@code ce-*} headers, the next body of the pool as
 * data) and the next once it is answered, until the load window closes. Runs on the generator's event loop. A
 * refusal (any status but 202) is counted and the client goes on; a transport failure is counted and the client
 * stops.
 */
final class EventPoster {

    static final String SOURCE = "/bench/http-load";
    static final String TYPE = "dev.tributary.bench.http";
    /** Kafka waits at most the publisher's delivery timeout (10 s): a request unanswered by then never will be. */
    private static final long REQUEST_TIMEOUT_MS = 30_000;
    private static final CharSequence CE_ID = HttpHeaders.createOptimized("ce-id");

    private final HttpClient http;
    private final String idPrefix;
    private final Buffer[] bodies;
    private final long firstBody;
    private final LoadWindow window;
    private final AckRecorder recorder;
    private long sequence;

    EventPoster(HttpClient http, String idPrefix, Buffer[] bodies, long firstBody, LoadWindow window,
                AckRecorder recorder) {
        this.http = http;
        this.idPrefix = idPrefix;
        this.bodies = bodies;
        this.firstBody = firstBody;
        this.window = window;
        this.recorder = recorder;
    }

    void next() {
        long sentAt = System.nanoTime();
        if (window.isOver(sentAt)) {
            return;
        }
        recorder.sent();
        Buffer body = bodies[(int) ((firstBody + sequence) % bodies.length)];
        String id = idPrefix + sequence++;
        http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/events").setHeaders(constantHeaders())
                        .setIdleTimeout(REQUEST_TIMEOUT_MS))
                .compose(request -> request.putHeader(CE_ID, id).send(body))
                .compose(response -> response.body().map(answer -> outcome(response, answer)))
                .onComplete(answer -> {
                    long answeredAt = System.nanoTime();
                    if (answer.failed()) {
                        // A broken connection or no answer in time: this client stops rather than spin on errors.
                        recorder.failed(answer.cause().toString());
                        return;
                    }
                    if (answer.result() == null) {
                        recorder.acknowledged(sentAt, answeredAt);
                    } else {
                        recorder.failed(answer.result());
                    }
                    next();
                });
    }

    /** Null for a 202, else what the adapter answered. */
    private static String outcome(HttpClientResponse response, Buffer body) {
        return response.statusCode() == 202 ? null : "HTTP " + response.statusCode() + ": " + body;
    }

    /** The headers every event of the load has; a fresh map per request, since a request takes it over. */
    private static MultiMap constantHeaders() {
        return HttpHeaders.headers()
                .add(Headers.SPEC_VERSION, Headers.V1)
                .add(Headers.SOURCE, Headers.SOURCE_VALUE)
                .add(Headers.TYPE, Headers.TYPE_VALUE)
                .add(HttpHeaders.CONTENT_TYPE, Headers.OCTET_STREAM);
    }

    /** Header names and values built once as Netty {@code AsciiString}s, which Vert.x writes without encoding. */
    private static final class Headers {
        static final CharSequence SPEC_VERSION = HttpHeaders.createOptimized("ce-specversion");
        static final CharSequence V1 = HttpHeaders.createOptimized("1.0");
        static final CharSequence SOURCE = HttpHeaders.createOptimized("ce-source");
        static final CharSequence SOURCE_VALUE = HttpHeaders.createOptimized(EventPoster.SOURCE);
        static final CharSequence TYPE = HttpHeaders.createOptimized("ce-type");
        static final CharSequence TYPE_VALUE = HttpHeaders.createOptimized(EventPoster.TYPE);
        static final CharSequence OCTET_STREAM = HttpHeaders.createOptimized("application/octet-stream");
    }
}
