package dev.tributary.dispatcher.http;

import dev.tributary.sdk.Output;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Reads a function's response: the events of a 2xx reply, or the failure any other status means. Bodies are
 * read only as far as needed: a reply up to {@value #MAX_REPLY_BYTES} bytes, an error up to what its message
 * quotes.
 */
final class Responses {

    static final int MAX_REPLY_BYTES = 8 * 1024 * 1024;

    private final Replies replies;
    private final HttpFailures failures;

    Responses(Replies replies, HttpFailures failures) {
        this.replies = replies;
        this.failures = failures;
    }

    /**
     * @throws dev.tributary.sdk.RetryableException    for a status that a later attempt may not get
     * @throws dev.tributary.sdk.NonRetryableException for a status or a reply that will not change
     * @throws IOException                             when the body could not be read
     */
    List<Output> read(HttpResponse<InputStream> response) throws IOException {
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status < 200 || status >= 300) {
                byte[] start = body.readNBytes(HttpFailures.QUOTED_BODY_BYTES + 1);
                throw failures.forStatus(status, response.headers(), start);
            }
            if (status == 204 || !replies.carriesEvents(response.headers())) {
                // Read what is left, so that the connection can carry the next request.
                body.skip(MAX_REPLY_BYTES);
                return List.of();
            }
            byte[] reply = body.readNBytes(MAX_REPLY_BYTES + 1);
            if (reply.length > MAX_REPLY_BYTES) {
                throw failures.replyTooLarge(MAX_REPLY_BYTES);
            }
            return replies.read(response.headers(), reply);
        }
    }
}
