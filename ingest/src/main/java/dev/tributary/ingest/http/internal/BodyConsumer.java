package dev.tributary.ingest.http.internal;

import java.util.concurrent.CompletionStage;

/**
 * What an endpoint does with a request's body once it has been read whole. Throws {@link RequestRejected} or
 * {@link InvalidEventException} for a request it refuses before publishing anything.
 */
@FunctionalInterface
public interface BodyConsumer {

    CompletionStage<Reply> accept(byte[] body);
}
