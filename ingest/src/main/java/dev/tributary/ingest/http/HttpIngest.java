package dev.tributary.ingest.http;

import dev.tributary.ingest.http.internal.RequestRouter;
import dev.tributary.ingest.http.internal.Routes;
import dev.tributary.ingest.http.internal.VertxRequestHandler;
import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.Publisher;
import dev.tributary.ingest.publish.Readiness;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP ingest adapter: a running server that takes events over HTTP and publishes them to Kafka, answering
 * 202 only once Kafka has acknowledged them.
 *
 * <pre>{@code
 * try (KafkaPublisher publisher = KafkaPublisher.start(PublisherSettings.forBootstrapServers(servers), registry, clock);
 *      HttpIngest http = HttpIngest.start(settings, publisher, registry, clock)) {
 *     System.out.println("ingest on port " + http.port());
 * }
 * }</pre>
 *
 * <p>Endpoints: {@code POST /events} (CloudEvents in binary, structured or batch mode, routed by attributes),
 * {@code POST /topics/{topic}} (plain data to a configured topic), {@code POST /webhooks/{name}} (signed webhooks),
 * {@code GET /health/live} and {@code GET /health/ready} (not ready while the publisher cannot reach Kafka).
 *
 * <p>The adapter runs its own Vert.x instance, with one event loop per core; it does not own the publisher, which
 * other adapters share: close the publisher after every adapter that uses it.
 */
public final class HttpIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpIngest.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** Requests in flight wait for Kafka at most the publisher's delivery timeout; this covers the usual one. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);

    private final Vertx vertx;
    private final HttpServer server;
    private final Publisher publisher;
    private final String host;

    private HttpIngest(Vertx vertx, HttpServer server, Publisher publisher, String host) {
        this.vertx = vertx;
        this.server = server;
        this.publisher = publisher;
        this.host = host;
    }

    /** Starts the adapter with the system clock; see {@link #start(HttpIngestSettings, Publisher, MeterRegistry, Clock)}. */
    public static HttpIngest start(HttpIngestSettings settings, Publisher publisher, MeterRegistry registry) {
        return start(settings, publisher, registry, Clock.systemUTC());
    }

    /**
     * Binds the server and returns once it accepts connections.
     *
     * @param registry where the route meters go (see {@link IngestMetrics})
     * @param clock    the {@code time} of events wrapped from plain data and webhooks
     * @throws IllegalStateException when the address cannot be bound, for example because the port is taken
     */
    public static HttpIngest start(HttpIngestSettings settings, Publisher publisher, MeterRegistry registry,
                                   Clock clock) {
        return start(settings, publisher, registry, clock, List.of());
    }

    /**
     * Binds the server with other adapters' endpoints mounted beside its own, such as a bucket's notifications.
     *
     * @param mounts endpoints at exact paths, behind the same API keys
     */
    public static HttpIngest start(HttpIngestSettings settings, Publisher publisher, MeterRegistry registry,
                                   Clock clock, List<MountedEndpoint> mounts) {
        Objects.requireNonNull(settings, "settings of the HTTP ingest adapter");
        Objects.requireNonNull(publisher, "publisher of the HTTP ingest adapter");
        Objects.requireNonNull(registry, "registry of the HTTP ingest meters");
        Objects.requireNonNull(clock, "clock");
        RequestRouter router = Routes.router(settings, publisher, IngestMetrics.create(registry), clock, mounts);
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(Runtime.getRuntime().availableProcessors())
                // The adapter serves no files: no class-path resolving, no cache directory on disk.
                .setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false)
                        .setFileCachingEnabled(false)));
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setIdleTimeout(60)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setHandle100ContinueAutomatically(false)
                .setDecompressionSupported(false);
        HttpServer server = vertx.createHttpServer(options)
                .requestHandler(new VertxRequestHandler(router, settings.maxBodySize()));
        try {
            server.listen().toCompletionStage().toCompletableFuture()
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            vertx.close();
            throw new IllegalStateException("HTTP ingest cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + e.getCause().getMessage() + "; choose a free port, or 0 for any", e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            vertx.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("HTTP ingest did not start listening on " + settings.host() + ":"
                    + settings.port() + " within " + START_TIMEOUT.toSeconds() + " s", e);
        }
        LOG.info("HTTP ingest listening on {}:{}", settings.host(), server.actualPort());
        if (settings.auth() == AuthMode.NONE && !settings.writableTopics().isEmpty()) {
            LOG.warn("HTTP ingest on {}:{} accepts events without an API key (auth: none): anyone who reaches the port "
                    + "can write topics {}", settings.host(), server.actualPort(), settings.writableTopics());
        }
        return new HttpIngest(vertx, server, publisher, settings.host());
    }

    /** The port the server is bound to: the configured one, or the one chosen for port 0. */
    public int port() {
        return server.actualPort();
    }

    public String host() {
        return host;
    }

    /** What {@code GET /health/ready} answers: ready while the publisher can reach Kafka. */
    public Readiness readiness() {
        return publisher.readiness();
    }

    /**
     * Stops accepting connections, lets requests in flight get their answer within a grace period, and stops the
     * event loops. The publisher stays open: it belongs to the caller.
     */
    @Override
    public void close() {
        try {
            server.shutdown(SHUTDOWN_GRACE).toCompletionStage().toCompletableFuture()
                    .get(SHUTDOWN_GRACE.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("HTTP ingest did not shut down cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("stopping the HTTP ingest event loops failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
