package dev.tributary.ingest.publish;

import dev.tributary.ingest.metrics.IngestMetrics;
import dev.tributary.ingest.publish.PublishException.Reason;
import dev.tributary.ingest.publish.internal.AdminClusterProbe;
import dev.tributary.ingest.publish.internal.ClusterProbe;
import dev.tributary.ingest.publish.internal.InFlightBudget;
import dev.tributary.ingest.publish.internal.KafkaErrors;
import dev.tributary.ingest.publish.internal.KafkaReachability;
import dev.tributary.ingest.publish.internal.OrderedSender;
import dev.tributary.ingest.publish.internal.PendingPublish;
import dev.tributary.ingest.publish.internal.ProducerProperties;
import dev.tributary.ingest.publish.internal.PublishSpans;
import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Publisher} on a Kafka producer: idempotent, {@code acks=all}, compressed, with a few ms of linger.
 * Events are written with {@link KafkaEventCodec#encode}: CloudEvents binary mode, {@code ce_*} headers, keyed by
 * the {@code partitionkey} extension.
 *
 * <p>A publish takes room in a bounded in-flight budget (events and bytes) before anything is sent, and gives it
 * back record by record as Kafka answers. When Kafka is slow or down the budget fills up and further publishes fail
 * at once as {@link Reason#BUSY}: the publisher never queues without limit. Every publish has a deadline of the
 * delivery timeout; past it the client is told {@link Reason#UNAVAILABLE} and records of it not yet handed to the
 * producer are not sent at all.
 *
 * <p>{@code send()} can block (waiting for a topic's metadata), so it never runs on the caller's thread: adapters
 * call from event loops. Records reach the producer in the order they were accepted, per topic (see
 * {@link OrderedSender}), and the idempotent producer keeps that order per partition, so events with the same key
 * keep the order of the publishes that carried them even with several in flight. Readiness comes from a periodic
 * Admin probe (see {@link #readiness()}).
 *
 * <p>With an OpenTelemetry SDK given to {@link #start(PublisherSettings, MeterRegistry, Clock, OpenTelemetry)},
 * every event gets a PRODUCER span, child of the trace context it came with, and goes to Kafka carrying that span's
 * context as its {@code traceparent}; see {@link PublishSpans}.
 */
public final class KafkaPublisher implements Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);

    private final KafkaEventCodec codec = new KafkaEventCodec();
    private final Producer<byte[], byte[]> producer;
    private final AutoCloseable probeResource;
    private final InFlightBudget budget;
    private final KafkaReachability reachability;
    private final Duration deliveryTimeout;
    private final IngestMetrics.PublisherMeters meters;
    private final PublishSpans spans;
    private final ExecutorService senders;
    private final OrderedSender sender;
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaPublisher(PublisherSettings settings, Producer<byte[], byte[]> producer, ClusterProbe probe,
                           AutoCloseable probeResource, IngestMetrics metrics, Clock clock, PublishSpans spans) {
        this.producer = producer;
        this.spans = spans;
        this.probeResource = probeResource;
        this.deliveryTimeout = settings.deliveryTimeout();
        this.budget = new InFlightBudget(settings.maxInFlightEvents(), settings.maxInFlightBytes());
        // One name for every sender thread: numbering them cost a measurable share of the event loops' time.
        this.senders = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(settings.clientId() + "-send").factory());
        this.sender = new OrderedSender(producer, budget, settings.deliveryTimeout(), senders);
        this.timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name(settings.clientId() + "-timer").factory());
        // Deadlines are cancelled as publishes complete; without this they would pile up in the queue until due.
        timer.setRemoveOnCancelPolicy(true);
        this.reachability = new KafkaReachability(probe, settings.readinessInterval(), settings.deliveryTimeout(),
                timer, clock);
        this.meters = metrics.publisher(budget::events, budget::bytes, reachability::reachable);
    }

    /**
     * Creates the producer and starts probing Kafka. Creating a producer does not connect yet: the publisher starts
     * even while Kafka is down, and reports it through {@link #readiness()}.
     *
     * @param registry where the publisher's meters go; a {@code CompositeMeterRegistry} with no registries for none
     * @param clock    dates the readiness detail
     * @throws IllegalArgumentException when the Kafka properties would weaken the guarantee, or Kafka rejects them
     */
    public static KafkaPublisher start(PublisherSettings settings, MeterRegistry registry, Clock clock) {
        return start(settings, registry, clock, OpenTelemetry.noop());
    }

    /**
     * As {@link #start(PublisherSettings, MeterRegistry, Clock)}, with a span for every published event.
     *
     * @param openTelemetry where the spans go; {@link OpenTelemetry#noop()} for none, at no cost per event
     */
    public static KafkaPublisher start(PublisherSettings settings, MeterRegistry registry, Clock clock,
                                       OpenTelemetry openTelemetry) {
        Objects.requireNonNull(settings, "settings of the publisher");
        Objects.requireNonNull(registry, "registry of the publisher's meters");
        Objects.requireNonNull(clock, "clock");
        Producer<byte[], byte[]> producer;
        try {
            producer = new KafkaProducer<>(ProducerProperties.producer(settings), new ByteArraySerializer(),
                    new ByteArraySerializer());
        } catch (KafkaException e) {
            throw new IllegalArgumentException("the ingest publisher's Kafka properties are not valid: "
                    + e.getMessage(), e);
        }
        AdminClusterProbe probe;
        try {
            probe = new AdminClusterProbe(Admin.create(ProducerProperties.admin(settings)));
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw new IllegalArgumentException("the ingest publisher's Kafka properties are not valid for an Admin "
                    + "client: " + e.getMessage(), e);
        }
        return start(settings, producer, probe, probe, IngestMetrics.create(registry), clock,
                PublishSpans.of(openTelemetry));
    }

    /** A publisher on a given producer and probe, for tests; both are closed with the publisher. */
    static KafkaPublisher start(PublisherSettings settings, Producer<byte[], byte[]> producer, ClusterProbe probe,
                                AutoCloseable probeResource, IngestMetrics metrics, Clock clock) {
        return start(settings, producer, probe, probeResource, metrics, clock, PublishSpans.off());
    }

    /** A publisher on a given producer and probe, with spans, for tests; both are closed with the publisher. */
    static KafkaPublisher start(PublisherSettings settings, Producer<byte[], byte[]> producer, ClusterProbe probe,
                                AutoCloseable probeResource, IngestMetrics metrics, Clock clock, PublishSpans spans) {
        KafkaPublisher publisher = new KafkaPublisher(settings, producer, probe, probeResource, metrics, clock, spans);
        publisher.reachability.start();
        return publisher;
    }

    @Override
    public CompletionStage<Acknowledgement> publish(String topic, CloudEvent event) {
        return publishAll(List.of(new TopicEvent(topic, event))).thenApply(List::getFirst);
    }

    @Override
    public CompletionStage<List<Acknowledgement>> publishAll(List<TopicEvent> events) {
        List<TopicEvent> batch = List.copyOf(Objects.requireNonNull(events, "events to publish"));
        if (closed.get()) {
            return failed(new PublishException(Reason.CLOSED, "the publisher is closed; send to another replica"));
        }
        if (batch.isEmpty()) {
            return CompletableFuture.completedStage(List.of());
        }
        if (!spans.enabled()) {
            return encodeAndSend(batch);
        }
        PublishSpans.Started traced = spans.start(batch);
        CompletionStage<List<Acknowledgement>> outcome = encodeAndSend(traced.events());
        traced.endWhen(outcome);
        return outcome;
    }

    /** Encodes the events, takes their room in the budget and sends them, or says at once why not. */
    private CompletionStage<List<Acknowledgement>> encodeAndSend(List<TopicEvent> batch) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(batch.size());
        long[] sizes = new long[batch.size()];
        long bytes = 0;
        for (int i = 0; i < batch.size(); i++) {
            TopicEvent event = batch.get(i);
            try {
                records.add(codec.encode(event.topic(), event.event()));
            } catch (RuntimeException e) {
                return failed(new PublishException(Reason.INVALID, "event " + event.event().getId()
                        + " cannot be written as a Kafka record: " + e.getMessage(), e));
            }
            sizes[i] = sizeOf(records.get(i));
            bytes += sizes[i];
        }
        return switch (budget.tryTake(batch.size(), bytes)) {
            case TOO_LARGE -> failed(new PublishException(Reason.TOO_LARGE, batch.size() + " events of " + bytes
                    + " bytes exceed the whole in-flight budget of " + budget.maxEvents() + " events and "
                    + budget.maxBytes() + " bytes; send fewer or smaller events"));
            case FULL -> failed(new PublishException(Reason.BUSY, "Kafka acknowledges more slowly than events "
                    + "arrive: " + budget.events() + " events of " + budget.bytes() + " bytes are waiting for it; "
                    + "retry after a pause"));
            case TAKEN -> send(records, sizes);
        };
    }

    private CompletionStage<List<Acknowledgement>> send(List<ProducerRecord<byte[], byte[]>> records, long[] sizes) {
        PendingPublish pending = new PendingPublish(records.size());
        CompletionStage<List<Acknowledgement>> outcome = pending.outcome();
        outcome.whenComplete((acks, error) -> {
            if (error != null) {
                meters.failed(KafkaErrors.classify(error, deliveryTimeout).reason());
            }
        });
        try {
            ScheduledFuture<?> deadline = timer.schedule(() -> pending.failed(new PublishException(Reason.UNAVAILABLE,
                    "Kafka did not acknowledge within the delivery timeout of " + deliveryTimeout.toMillis() + " ms; "
                            + "the event may or may not be written: retry with the same event id")),
                    deliveryTimeout.toMillis(), TimeUnit.MILLISECONDS);
            pending.whenDone(() -> deadline.cancel(false));
        } catch (RejectedExecutionException e) {
            budget.giveBack(records.size(), LongStream.of(sizes).sum());
            pending.failed(new PublishException(Reason.CLOSED, "the publisher is closing; send to another replica", e));
            return outcome;
        }
        sender.send(records, sizes, pending);
        return outcome;
    }

    private CompletionStage<List<Acknowledgement>> failed(PublishException failure) {
        meters.failed(failure.reason());
        return CompletableFuture.failedStage(failure);
    }

    /** The bytes a record occupies in the producer before compression: key, value, header names and values. */
    private static long sizeOf(ProducerRecord<byte[], byte[]> record) {
        long size = (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
        for (Header header : record.headers()) {
            size += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    /**
     * Whether Kafka answered the last probe: an Admin describeCluster every readiness interval, with the delivery
     * timeout as its own. Not ready until the first probe answers.
     */
    @Override
    public Readiness readiness() {
        if (closed.get()) {
            return new Readiness(false, "publisher closed");
        }
        return reachability.readiness();
    }

    /** The events and bytes sent and not yet acknowledged or failed. */
    public InFlight inFlight() {
        return new InFlight(budget.events(), budget.bytes());
    }

    /** What a publisher holds for Kafka at one moment. */
    public record InFlight(int events, long bytes) {
    }

    /**
     * Refuses new publishes, lets those in flight finish within the delivery timeout (after it, Kafka's producer
     * fails what is left, and those publishes fail), then releases the clients and threads.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        reachability.close();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(deliveryTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
        producer.close(deliveryTimeout);
        try {
            probeResource.close();
        } catch (Exception e) {
            LOG.warn("closing the Kafka probe failed: {}", e.toString());
        }
        timer.shutdownNow();
    }
}
