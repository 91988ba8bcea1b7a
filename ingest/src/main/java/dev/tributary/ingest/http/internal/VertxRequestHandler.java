package dev.tributary.ingest.http.internal;

import dev.tributary.ingest.metrics.IngestMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects Vert.x's HTTP server to the {@link RequestRouter}: reads bodies up to the size limit, and writes each
 * answer back on the request's event loop. Nothing here blocks: publishing completes on Kafka's threads and the
 * answer hops back to the event loop.
 *
 * <p>A body larger than the limit is refused with 413 as soon as that is known: from {@code Content-Length} before
 * any of it is read, else when the limit is passed. An HTTP/1 connection is then closed, since the rest of the body
 * would otherwise have to be read to reach the next request. {@code Expect: 100-continue} is answered only once the
 * headers have passed every check, so a refused client never uploads its body.
 */
public final class VertxRequestHandler implements Handler<HttpServerRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(VertxRequestHandler.class);

    private final RequestRouter router;
    private final int maxBodySize;

    public VertxRequestHandler(RequestRouter router, int maxBodySize) {
        this.router = router;
        this.maxBodySize = maxBodySize;
    }

    @Override
    public void handle(HttpServerRequest request) {
        String path = request.path() == null ? "" : request.path();
        RequestRouter.Admission admission;
        try {
            admission = router.admit(request.method().name(), path, request.headers());
        } catch (RuntimeException e) {
            LOG.error("checking a request to {} failed unexpectedly", path, e);
            admission = router.failed();
        }
        switch (admission) {
            case RequestRouter.Answer answer -> send(request, answer.meters(), answer.reply(), hasUnreadBody(request));
            case RequestRouter.ReadBody read -> readBody(request, read);
        }
    }

    private void readBody(HttpServerRequest request, RequestRouter.ReadBody read) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredTooLarge(length)) {
            send(request, read.meters(), tooLarge(), true);
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue();
        }
        Context context = Vertx.currentContext();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBodySize) {
                refused[0] = true;
                send(request, read.meters(), tooLarge(), true);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(error -> {
            refused[0] = true;
            LOG.debug("a request to {} failed while its body was read: {}", request.path(), error.toString());
        });
        request.endHandler(ignored -> {
            if (!refused[0]) {
                Future.fromCompletionStage(read.answer(body.getBytes()), context)
                        .onComplete(done -> send(request, read.meters(),
                                done.succeeded() ? done.result() : RequestRouter.internalError(), false));
            }
        });
    }

    /**
     * Whether the request still has a body on its way that nobody will read: the connection is then closed after
     * the answer rather than made to carry the unwanted upload.
     */
    private static boolean hasUnreadBody(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.trim().equals("0"));
    }

    private boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            // Netty refuses a malformed Content-Length before a handler sees it; if one gets here, count bytes.
            return false;
        }
    }

    private Reply tooLarge() {
        return Reply.error(413, "the body is larger than the " + maxBodySize + " bytes this endpoint takes; send "
                + "smaller requests, or split a batch");
    }

    private static void send(HttpServerRequest request, IngestMetrics.HttpRouteMeters meters, Reply reply,
                             boolean closeAfter) {
        meters.answered(reply.status());
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(reply.status());
        reply.headers().forEach(response::putHeader);
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        boolean closeConnection = closeAfter && request.version() != HttpVersion.HTTP_2;
        if (closeConnection) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(Buffer.buffer(reply.bodyBytes())).onComplete(written -> {
            if (closeConnection) {
                request.connection().close();
            }
        });
    }
}
