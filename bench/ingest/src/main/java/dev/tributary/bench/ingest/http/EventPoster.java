package dev.tributary.bench.ingest.http;

import dev.tributary.bench.ingest.child.AckRecorder;
import dev.tributary.bench.ingest.child.LoadWindow;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;

/**
 * One HTTP client of the load: posts a binary-mode CloudEvent ({@code ce-*} headers, the next body of the pool as
 * data) and the next
 * once it is answered, until the load window closes. Runs on the generator's event loop. A refusal (any status
 * but 202) is counted and the client goes on; a transport failure is counted and the client stops.
 */
final class EventPoster {

    static final String SOURCE = "/bench/http-load";
    static final String TYPE = "dev.tributary.bench.http";
    /** Kafka waits at most the publisher's delivery timeout (10 s): a request unanswered by then never will be. */
    private static final long REQUEST_TIMEOUT_MS = 30_000;

    private final WebClient web;
    private final String idPrefix;
    private final Buffer[] bodies;
    private final LoadWindow window;
    private final AckRecorder recorder;
    private long sequence;

    private final long firstBody;

    EventPoster(WebClient web, String idPrefix, Buffer[] bodies, long firstBody, LoadWindow window,
                AckRecorder recorder) {
        this.web = web;
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
        web.post("/events")
                .putHeader("ce-specversion", "1.0")
                .putHeader("ce-id", idPrefix + sequence++)
                .putHeader("ce-source", SOURCE)
                .putHeader("ce-type", TYPE)
                .putHeader("content-type", "application/octet-stream")
                .timeout(REQUEST_TIMEOUT_MS)
                .sendBuffer(body)
                .onComplete(answer -> {
                    long answeredAt = System.nanoTime();
                    if (answer.succeeded() && answer.result().statusCode() == 202) {
                        recorder.acknowledged(sentAt, answeredAt);
                    } else if (answer.succeeded()) {
                        recorder.failed("HTTP " + answer.result().statusCode() + ": " + answer.result().bodyAsString());
                    } else {
                        // A broken connection or no answer in time: this client stops rather than spin on errors.
                        recorder.failed(answer.cause().toString());
                        return;
                    }
                    next();
                });
    }
}
