package dev.tributary.ingest.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tributary.ingest.http.MountedEndpoint;
import dev.tributary.ingest.metrics.IngestMetrics;
import io.vertx.core.MultiMap;

/** {@link MountedEndpoint}s as endpoints of the router: the API key first, then the handler with the body. */
final class MountedEndpoints implements Endpoint {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final MountedEndpoint mounted;
    private final IngestMetrics.HttpRouteMeters meters;
    private final ApiKeyAuthenticator authenticator;

    MountedEndpoints(MountedEndpoint mounted, IngestMetrics.HttpRouteMeters meters, ApiKeyAuthenticator authenticator) {
        this.mounted = mounted;
        this.meters = meters;
        this.authenticator = authenticator;
    }

    @Override
    public IngestMetrics.HttpRouteMeters meters() {
        return meters;
    }

    @Override
    public BodyConsumer open(MultiMap headers) {
        Caller caller = authenticator.authenticate(headers);
        if (!caller.mayWrite(mounted.topic())) {
            throw RequestRejected.of(403, "API key " + caller.name() + " may not write topic " + mounted.topic()
                    + "; use a key for that topic");
        }
        return body -> mounted.handler().apply(body).thenApply(MountedEndpoints::reply);
    }

    private static Reply reply(MountedEndpoint.Answer answer) {
        try {
            return new Reply(answer.status(), answer.headers(), JSON.readTree(answer.jsonBody()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the endpoint answered a body that is not JSON: " + e.getOriginalMessage(),
                    e);
        }
    }
}
