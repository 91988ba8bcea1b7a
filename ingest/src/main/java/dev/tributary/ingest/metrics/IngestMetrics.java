package dev.tributary.ingest.metrics;

import dev.tributary.ingest.publish.PublishException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The catalogue of the ingest meters: every name, description and tag is declared here and nowhere else
 * (docs/ingest-http.md documents them). Names are Micrometer's dotted names, which a Prometheus registry renders as
 * {@code tributary_ingest_http_requests_total}; tags use OpenTelemetry's HTTP names.
 *
 * <p>Meters are registered when a route or a publisher is set up, and used directly on every request, never looked
 * up. Thread-safe.
 */
public final class IngestMetrics {

    public static final String HTTP_REQUESTS = "tributary.ingest.http.requests";
    public static final String HTTP_EVENTS = "tributary.ingest.http.events";
    public static final String HTTP_PUBLISH_LATENCY = "tributary.ingest.http.publish.latency";
    public static final String PUBLISH_IN_FLIGHT = "tributary.ingest.publish.in_flight";
    public static final String PUBLISH_IN_FLIGHT_BYTES = "tributary.ingest.publish.in_flight.bytes";
    public static final String PUBLISH_FAILURES = "tributary.ingest.publish.failures";
    public static final String KAFKA_REACHABLE = "tributary.ingest.kafka.reachable";

    /** The configured route a request matched, such as {@code /events} or {@code /webhooks/github}. */
    public static final String TAG_ROUTE = "http.route";
    /** The HTTP status of the answer, as OpenTelemetry names it. */
    public static final String TAG_STATUS = "http.response.status_code";
    /** Why a publish failed: a {@link PublishException.Reason} in lowercase. */
    public static final String TAG_REASON = "reason";

    /** The route tag of requests that matched no configured route: unknown paths, methods and topics. */
    public static final String UNMATCHED_ROUTE = "unmatched";

    /** The statuses the HTTP adapter answers with, registered up front so that every series exists from the start. */
    static final List<Integer> HTTP_STATUSES = List.of(200, 202, 400, 401, 403, 404, 405, 413, 415, 500, 503);

    static final String HTTP_REQUESTS_DESCRIPTION = "HTTP ingest requests answered, by route and status";
    static final String HTTP_EVENTS_DESCRIPTION = "Events accepted over HTTP: acknowledged by Kafka and answered 202";
    static final String HTTP_PUBLISH_LATENCY_DESCRIPTION =
            "From handing a request's events to the publisher until Kafka acknowledged the last of them or it failed";
    static final String PUBLISH_IN_FLIGHT_DESCRIPTION = "Events sent to Kafka and not yet acknowledged or failed";
    static final String PUBLISH_IN_FLIGHT_BYTES_DESCRIPTION =
            "Record bytes (key, value, headers) sent to Kafka and not yet acknowledged or failed";
    static final String PUBLISH_FAILURES_DESCRIPTION = "Publishes that failed, by reason: busy, unavailable, closed, "
            + "too_large, invalid, rejected";
    static final String KAFKA_REACHABLE_DESCRIPTION = "1 while Kafka answered the publisher's last probe, else 0";

    private final MeterRegistry registry;

    private IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static IngestMetrics create(MeterRegistry registry) {
        return new IngestMetrics(Objects.requireNonNull(registry,
                "registry is required: IngestMetrics.noop() when metrics are off"));
    }

    /** Meters that record nothing: a composite registry with no registries in it hands out no-op meters. */
    public static IngestMetrics noop() {
        return new IngestMetrics(new CompositeMeterRegistry());
    }

    /** Registers the meters of one HTTP route, such as {@code /events}; call once per route. */
    public HttpRouteMeters httpRoute(String route) {
        return new HttpRouteMeters(Objects.requireNonNull(route, "route of HTTP meters"));
    }

    /**
     * Registers the meters of a publisher.
     *
     * @param inFlightEvents events sent and not yet done, read when the registry is scraped
     * @param inFlightBytes  their bytes
     * @param reachable      whether Kafka answered the last probe
     */
    public PublisherMeters publisher(LongSupplier inFlightEvents, LongSupplier inFlightBytes,
                                     BooleanSupplier reachable) {
        Gauge.builder(PUBLISH_IN_FLIGHT, inFlightEvents::getAsLong).description(PUBLISH_IN_FLIGHT_DESCRIPTION)
                .strongReference(true).register(registry);
        Gauge.builder(PUBLISH_IN_FLIGHT_BYTES, inFlightBytes::getAsLong).description(PUBLISH_IN_FLIGHT_BYTES_DESCRIPTION)
                .baseUnit("bytes").strongReference(true).register(registry);
        Gauge.builder(KAFKA_REACHABLE, () -> reachable.getAsBoolean() ? 1 : 0).description(KAFKA_REACHABLE_DESCRIPTION)
                .strongReference(true).register(registry);
        return new PublisherMeters();
    }

    /** The meters of one HTTP route. */
    public final class HttpRouteMeters {

        private final String route;
        private final Map<Integer, Counter> requests = new ConcurrentHashMap<>();
        private final Counter events;
        private final Timer publishLatency;

        private HttpRouteMeters(String route) {
            this.route = route;
            HTTP_STATUSES.forEach(status -> requests.put(status, requestCounter(status)));
            this.events = Counter.builder(HTTP_EVENTS).description(HTTP_EVENTS_DESCRIPTION).tag(TAG_ROUTE, route)
                    .register(registry);
            // The histogram gives Prometheus buckets, so percentiles can be aggregated over every replica.
            this.publishLatency = Timer.builder(HTTP_PUBLISH_LATENCY).description(HTTP_PUBLISH_LATENCY_DESCRIPTION)
                    .tag(TAG_ROUTE, route).publishPercentileHistogram().register(registry);
        }

        public String route() {
            return route;
        }

        /** Counts one answered request. */
        public void answered(int status) {
            // Only a status outside HTTP_STATUSES is registered here, once.
            requests.computeIfAbsent(status, this::requestCounter).increment();
        }

        /** Counts events that Kafka acknowledged and the client was told so. */
        public void accepted(int eventCount) {
            events.increment(eventCount);
        }

        /** Starts timing a publish, on the registry's clock. */
        public Timer.Sample startPublish() {
            return Timer.start(registry);
        }

        /** Records a publish's duration, whatever its outcome. */
        public void publishEnded(Timer.Sample sample) {
            sample.stop(publishLatency);
        }

        private Counter requestCounter(int status) {
            return Counter.builder(HTTP_REQUESTS).description(HTTP_REQUESTS_DESCRIPTION)
                    .tag(TAG_ROUTE, route).tag(TAG_STATUS, Integer.toString(status))
                    .register(registry);
        }
    }

    /** The meters of a publisher. */
    public final class PublisherMeters {

        private final Map<PublishException.Reason, Counter> failures = new EnumMap<>(PublishException.Reason.class);

        private PublisherMeters() {
            for (PublishException.Reason reason : PublishException.Reason.values()) {
                failures.put(reason, Counter.builder(PUBLISH_FAILURES).description(PUBLISH_FAILURES_DESCRIPTION)
                        .tag(TAG_REASON, reason.name().toLowerCase(Locale.ROOT)).register(registry));
            }
        }

        /** Counts one failed publish (one call, whatever its number of events). */
        public void failed(PublishException.Reason reason) {
            failures.get(reason).increment();
        }
    }
}
