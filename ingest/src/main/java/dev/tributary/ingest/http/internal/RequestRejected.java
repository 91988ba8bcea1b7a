package dev.tributary.ingest.http.internal;

import java.util.Objects;

/**
 * A request the adapter refuses, with the answer to give. Thrown while a request is read and checked, caught where
 * its answer is written; it never escapes the adapter.
 */
public final class RequestRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    public RequestRejected(Reply reply) {
        super(Objects.requireNonNull(reply, "reply").errorMessage(), null, false, false);
        this.reply = reply;
    }

    public static RequestRejected of(int status, String message) {
        return new RequestRejected(Reply.error(status, message));
    }

    public Reply reply() {
        return reply;
    }
}
