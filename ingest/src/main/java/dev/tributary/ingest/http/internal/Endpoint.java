package dev.tributary.ingest.http.internal;

import dev.tributary.ingest.metrics.IngestMetrics;
import io.vertx.core.MultiMap;

/**
 * A {@code POST} endpoint, in two steps: what can be decided from the headers alone (authentication, content type)
 * before the body is read, then the body.
 */
public interface Endpoint {

    /** The meters of this endpoint's route. */
    IngestMetrics.HttpRouteMeters meters();

    /**
     * Checks the request's headers.
     *
     * @return what to do with the body
     * @throws RequestRejected when the request is refused on its headers
     */
    BodyConsumer open(MultiMap headers);
}
