package dev.tributary.dispatcher.internal;

import dev.tributary.dispatcher.DispatcherSettings;
import dev.tributary.dispatcher.DispatcherStats;
import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.dispatcher.FunctionInvoker;
import dev.tributary.dispatcher.OrderingMode;
import dev.tributary.dispatcher.metrics.DispatcherMetrics;
import dev.tributary.dispatcher.metrics.DispatcherMetrics.Outcome;
import io.micrometer.core.instrument.Timer;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import dev.tributary.schemas.event.MalformedEventException;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.trace.Span;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one thread that owns a function's Kafka consumer. Each turn it applies finished work, starts what its
 * lanes, retry schedule and permits allow, commits what is complete, pauses partitions whose buffer is full and
 * polls. Invocations and dead-letter writes run on virtual threads and report back through a queue, waking the
 * poll, so the consumer is only ever touched by this thread. See {@link Work} for a record's life.
 */
public final class ConsumerLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    /**
     * While every partition is paused there is nothing to fetch: the loop then waits for finished work instead of
     * polling Kafka, and polls only this often, for rebalances and commit callbacks. Polling Kafka 4's consumer is a
     * round trip to its background thread, too dear to repeat for every invocation that ends.
     */
    private static final long PAUSED_POLL_INTERVAL_MILLIS = 100;
    /** How often the gauges of the flow are set and the oldest invocation is looked for: they need no more. */
    private static final long FLOW_INTERVAL_MILLIS = 100;
    /**
     * How often the lag is read: with Kafka 4's consumer each read is a round trip to its background thread, too
     * dear for every turn, and a scaler reads the gauge far less often.
     */
    private static final long LAG_INTERVAL_MILLIS = 1_000;
    /** How soon a dead-letter write that failed is tried again; the record is not done until it succeeds. */
    private static final Duration DEAD_LETTER_RETRY = Duration.ofSeconds(1);

    /** What finished on a virtual thread. */
    private enum Result { SUCCEEDED, FAILED, DEAD_LETTERED, DEAD_LETTER_FAILED }

    /** @param latencyMillis how long the attempt took; 0 for dead-letter writes */
    private record Completion(Work work, Result outcome, Throwable error, long latencyMillis) {
    }

    private final DispatcherSettings settings;
    private final FailureSettings failures;
    private final Consumer<byte[], byte[]> consumer;
    private final FunctionInvoker invoker;
    private final DeadLetterWriter deadLetters;
    private final Semaphore processPermits;
    /** Invocations of this function holding a permit; only the consumer thread adds to it. */
    private final AtomicInteger invocations = new AtomicInteger();
    private final ConcurrencyLimit limit;
    private final Clock clock;
    private final KafkaEventCodec codec = new KafkaEventCodec();
    private final Counters counters = new Counters();
    private final DispatcherMetrics metrics;
    private final InvocationSpans spans;
    private final Map<TopicPartition, PartitionState> partitions = new LinkedHashMap<>();
    private final LinkedBlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private final Deque<TopicPartition> roundRobin = new ArrayDeque<>();
    private final RetrySchedule retries = new RetrySchedule();
    /** Invocations running now, for the age of the oldest. */
    private final Set<Work> invoking = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Throughput throughput = new Throughput();
    private final AtomicBoolean wakeupRequested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private long nextCommitAt;
    private long nextLagAt;
    private long nextKafkaPollAt;
    private long nextFlowAt;
    /** When the oldest running invocation started, and when the next one times out; set by each deadline sweep. */
    private long oldestStartMillis;
    private long nextDeadlineMillis = Long.MAX_VALUE;
    private boolean allPaused;
    private volatile Thread loopThread;

    /**
     * @param deadLetterProducer writes dead letters; idempotent with {@code acks=all}
     * @param processPermits     shared by every function of the process: the per-process cap
     * @param metrics            the function's meters, registered by the caller
     * @param spans              the span of each invocation attempt, or none
     */
    public ConsumerLoop(DispatcherSettings settings, FailureSettings failures, Consumer<byte[], byte[]> consumer,
                        FunctionInvoker invoker, Producer<byte[], byte[]> deadLetterProducer,
                        Semaphore processPermits, Clock clock, DispatcherMetrics metrics, InvocationSpans spans) {
        this.settings = settings;
        this.failures = failures;
        this.consumer = consumer;
        this.invoker = invoker;
        this.deadLetters = new DeadLetterWriter(deadLetterProducer, settings.consumerProperties(),
                settings.functionName(), failures);
        this.processPermits = processPermits;
        this.limit = new ConcurrencyLimit(settings.minConcurrency(), settings.concurrency());
        this.counters.concurrencyLimit = limit.current();
        this.clock = clock;
        this.metrics = metrics;
        this.spans = spans;
    }

    public DispatcherStats stats() {
        return counters;
    }

    /** Asks the loop to finish: it drains in-flight work within the drain timeout, commits and closes. */
    public void stop() {
        running.set(false);
        consumer.wakeup();
    }

    /** Waits until the loop has closed its consumer. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        loopThread = Thread.currentThread();
        MDC.put(LogContext.FUNCTION, settings.functionName());
        try {
            subscribe();
            nextCommitAt = clock.millis() + settings.commitInterval().toMillis();
            while (running.get()) {
                turn();
            }
            drain(new ArrayList<>(partitions.keySet()));
            commit(partitions.keySet(), true);
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("dispatcher of {} stopped on an error", settings.functionName(), e);
            throw e;
        } finally {
            workers.shutdownNow();
            deadLetters.close();
            partitions.values().forEach(state -> state.lag.remove());
            consumer.close();
            stopped.countDown();
        }
    }

    private void subscribe() {
        ConsumerRebalanceListener listener = new Rebalance();
        if (settings.pattern().isPresent()) {
            consumer.subscribe(settings.pattern().get(), listener);
        } else {
            consumer.subscribe(settings.topics(), listener);
        }
    }

    private void turn() {
        applyCompletions();
        long started = clock.millis();
        boolean flowDue = started >= nextFlowAt;
        if (flowDue || started >= nextDeadlineMillis) {
            expireOverdue(started);
        }
        startDueRetries();
        startReadyWork();
        if (clock.millis() >= nextCommitAt) {
            commit(partitions.keySet(), false);
            nextCommitAt = clock.millis() + settings.commitInterval().toMillis();
        }
        applyBackpressure();
        if (clock.millis() >= nextLagAt) {
            updateLag();
            nextLagAt = clock.millis() + LAG_INTERVAL_MILLIS;
        }
        if (flowDue) {
            publishFlow();
            nextFlowAt = started + FLOW_INTERVAL_MILLIS;
        }
        long now = clock.millis();
        long wait = Math.max(1, Math.min(Math.min(POLL_TIMEOUT.toMillis(), retries.millisUntilNext(now)),
                nextDeadlineMillis - now));
        if (allPaused && now < nextKafkaPollAt) {
            awaitCompletion(Math.min(wait, nextKafkaPollAt - now));
            return;
        }
        nextKafkaPollAt = now + PAUSED_POLL_INTERVAL_MILLIS;
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(Duration.ofMillis(wait));
        } catch (WakeupException e) {
            wakeupRequested.set(false);
            return;
        }
        // A partition at a time: its state is looked up once per batch, not once per record.
        for (TopicPartition partition : records.partitions()) {
            PartitionState state = partitions.get(partition);
            if (state == null) {
                continue; // revoked while the poll was in flight: the new owner reads it
            }
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                receive(partition, state, record);
            }
        }
    }

    /** Waits up to {@code millis} for an invocation or dead-letter write to finish, and applies it. */
    private void awaitCompletion(long millis) {
        try {
            Completion completion = completions.poll(millis, TimeUnit.MILLISECONDS);
            if (completion != null) {
                apply(completion);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void receive(TopicPartition partition, PartitionState state, ConsumerRecord<byte[], byte[]> record) {
        state.offsets.received(record.offset());
        KafkaEvent event;
        try {
            event = codec.decode(record);
        } catch (MalformedEventException e) {
            counters.undecodable.increment();
            metrics.count(Outcome.UNDECODABLE);
            Work poison = new Work(partition, record, null);
            poison.failed(e, clock.instant());
            startDeadLetter(poison, state);
            return;
        }
        if (!settings.filter().matches(name -> attribute(event.cloudEvent(), name))) {
            counters.filtered.increment();
            throughput.record(1);
            metrics.count(Outcome.FILTERED);
            state.offsets.completed(record.offset());
            return;
        }
        state.lanes.add(new Work(partition, record, event), event.key());
    }

    /** Starts retries whose backoff is over; their lanes are still theirs, so nothing overtook them. */
    private void startDueRetries() {
        while (acquirePermits()) {
            Work work = retries.pollDue(clock.millis());
            if (work == null) {
                releasePermits();
                return;
            }
            PartitionState state = partitions.get(work.partition);
            if (state == null) {
                releasePermits();
                continue;
            }
            if (work.deadLetterPending) {
                work.deadLetterPending = false;
                releasePermits();
                startDeadLetter(work, state);
            } else {
                startInvocation(work, state);
            }
        }
    }

    /** Starts new work while both caps allow, taking partitions in turn so that none starves. */
    private void startReadyWork() {
        while (!roundRobin.isEmpty()) {
            if (!acquirePermits()) {
                noteHeldBack();
                return;
            }
            Work work = null;
            PartitionState state = null;
            for (int i = 0; i < roundRobin.size() && work == null; i++) {
                TopicPartition partition = roundRobin.pollFirst();
                roundRobin.addLast(partition);
                state = partitions.get(partition);
                work = state == null ? null : state.lanes.next();
            }
            if (work == null) {
                releasePermits();
                return;
            }
            startInvocation(work, state);
        }
    }

    private void startInvocation(Work work, PartitionState state) {
        state.inFlight++;
        work.startedMillis = clock.millis();
        invoking.add(work);
        state.highestStarted = Math.max(state.highestStarted, work.offset());
        work.attempts++;
        // Sweeps skip turns until the earliest deadline: this one may be it, when nothing else runs.
        nextDeadlineMillis = Math.min(nextDeadlineMillis, work.startedMillis + failures.timeout().toMillis());
        if (invoker.returnsAtOnce()) {
            attempt(work);
        } else {
            workers.execute(() -> {
                try (LogContext ignored = LogContext.of(settings.functionName(), work)) {
                    attempt(work);
                }
            });
        }
    }

    /**
     * Starts one attempt and reports it when it ends; the deadline sweep ({@link #expireOverdue}) fails it when it
     * runs past the timeout. Runs on the consumer thread for an invoker that returns at once, else on a virtual
     * thread of its own.
     */
    private void attempt(Work work) {
        Timer.Sample sample = metrics.startInvocation();
        Span span = spans.start(work.event, work.attempts);
        // The function sees the event as this attempt's child: its outputs and requests continue the trace from here.
        KafkaEvent event = spans.carrying(work.event, span);
        CompletableFuture<Void> attempt;
        try {
            attempt = invoker.invoke(event, work.attempts).toCompletableFuture();
        } catch (RuntimeException | LinkageError e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        work.attempt = attempt;
        attempt.whenComplete((done, failure) -> attemptEnded(work, sample, span, failure));
    }

    private void attemptEnded(Work work, Timer.Sample sample, Span span, Throwable failure) {
        Throwable error = null;
        if (failure != null) {
            Throwable cause = Failures.unwrap(failure);
            error = cause instanceof TimeoutException ? timedOut() : cause;
        }
        metrics.invocationEnded(sample);
        long latencyMillis = clock.millis() - work.startedMillis;
        releasePermits();
        spans.end(span, error);
        report(new Completion(work, error == null ? Result.SUCCEEDED : Result.FAILED, error, latencyMillis));
    }

    private TimeoutException timedOut() {
        return new TimeoutException("the invocation did not finish within " + failures.timeout());
    }

    /**
     * Fails the attempts that ran past the timeout (the invoker then abandons them) and notes when the next one is
     * due and when the oldest started. One pass over what is running, instead of a timer per invocation; turns
     * run it only once the earliest deadline is due, or for the flow gauges.
     */
    private void expireOverdue(long now) {
        long timeout = failures.timeout().toMillis();
        long oldest = now;
        long next = Long.MAX_VALUE;
        for (Work work : invoking) {
            oldest = Math.min(oldest, work.startedMillis);
            long deadline = work.startedMillis + timeout;
            CompletableFuture<Void> attempt = work.attempt;
            if (deadline > now) {
                next = Math.min(next, deadline);
            } else if (attempt != null) {
                attempt.completeExceptionally(timedOut());
            }
        }
        oldestStartMillis = oldest;
        nextDeadlineMillis = next;
    }

    private void startDeadLetter(Work work, PartitionState state) {
        state.inFlight++;
        workers.execute(() -> {
            try {
                deadLetters.write(work);
                report(new Completion(work, Result.DEAD_LETTERED, null, 0));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                report(new Completion(work, Result.DEAD_LETTER_FAILED, e, 0));
            }
        });
    }

    private void report(Completion completion) {
        completions.add(completion);
        // Wake a poll that may be waiting for new records while finished work frees lanes and offsets; the consumer
        // thread itself applies what it reports on its next turn.
        if (Thread.currentThread() != loopThread && wakeupRequested.compareAndSet(false, true)) {
            consumer.wakeup();
        }
    }

    private void applyCompletions() {
        for (Completion completion = completions.poll(); completion != null; completion = completions.poll()) {
            apply(completion);
        }
    }

    private void apply(Completion completion) {
        Work work = completion.work();
        if (completion.outcome() == Result.SUCCEEDED || completion.outcome() == Result.FAILED) {
            invoking.remove(work);
            adaptLimit(completion);
        }
        PartitionState state = partitions.get(work.partition);
        if (state == null) {
            return; // finished after its partition was revoked: abandoned, the new owner runs it again
        }
        state.inFlight--;
        switch (completion.outcome()) {
            case SUCCEEDED -> {
                counters.succeeded.increment();
                metrics.count(Outcome.SUCCESS);
                finish(work, state);
            }
            case FAILED -> failed(work, state, completion.error());
            case DEAD_LETTERED -> {
                counters.deadLettered.increment();
                metrics.count(Outcome.DEAD_LETTER);
                finish(work, state);
            }
            case DEAD_LETTER_FAILED -> {
                log.error("{}: writing {} to its dead-letter topic failed; it stays uncommitted and is tried again"
                        + " in {}: {}", settings.functionName(), work, DEAD_LETTER_RETRY, completion.error().toString());
                work.deadLetterPending = true;
                retries.add(work, clock.millis() + DEAD_LETTER_RETRY.toMillis());
            }
        }
    }

    private void failed(Work work, PartitionState state, Throwable error) {
        try (LogContext ignored = LogContext.of(settings.functionName(), work)) {
            failedAttempt(work, state, error);
        }
    }

    private void failedAttempt(Work work, PartitionState state, Throwable error) {
        counters.failed.increment();
        metrics.count(Outcome.FAILURE);
        work.failed(error, clock.instant());
        if (Failures.retryable(error) && failures.retry().allowsAnotherAttempt(work.attempts)) {
            counters.retried.increment();
            metrics.count(Outcome.RETRY);
            Duration backoff = failures.retry().backoff(work.attempts, Failures.retryAfter(error),
                    () -> ThreadLocalRandom.current().nextDouble());
            log.debug("{}: {} failed (attempt {}), retrying in {}: {}", settings.functionName(), work, work.attempts,
                    backoff, error.toString());
            retries.add(work, clock.millis() + backoff.toMillis());
        } else {
            log.warn("{}: {} failed after {} attempt(s), to the dead-letter topic: {}", settings.functionName(), work,
                    work.attempts, error.toString());
            startDeadLetter(work, state);
        }
    }

    private void finish(Work work, PartitionState state) {
        if (work.event != null) {
            state.lanes.done(work, work.orderingKey());
        }
        state.offsets.completed(work.offset());
        throughput.record(1);
    }

    /** Retry backlog, the oldest running invocation, the rate of records done and the time to work off the lag. */
    private void publishFlow() {
        long now = clock.millis();
        long oldestStart = invoking.isEmpty() ? now : oldestStartMillis;
        double perSecond = throughput.perSecond(now);
        long lag = 0;
        for (PartitionState state : partitions.values()) {
            lag += state.lag.get();
        }
        double timeToDrain = lag == 0 ? 0 : perSecond > 0 ? lag / perSecond : Double.POSITIVE_INFINITY;
        metrics.flow(retries.size(), Duration.ofMillis(now - oldestStart), perSecond, timeToDrain);
        publishHeadOfLine();
    }

    /** In key and partition mode, a record waiting to be retried holds back its lane and what queues behind it. */
    private void publishHeadOfLine() {
        if (settings.ordering() == OrderingMode.UNORDERED) {
            return;
        }
        long[] keysAndRecords = new long[2];
        retries.forEach(work -> {
            PartitionState state = partitions.get(work.partition);
            if (state != null) {
                keysAndRecords[0]++;
                keysAndRecords[1] += state.lanes.queuedBehind(work.orderingKey());
            }
        });
        metrics.headOfLine(keysAndRecords[0], keysAndRecords[1]);
    }

    /** On the consumer thread only: then the check and the increment cannot race another start. */
    private boolean acquirePermits() {
        if (invocations.get() >= limit.current() || !processPermits.tryAcquire()) {
            return false;
        }
        invocations.incrementAndGet();
        return true;
    }

    private void releasePermits() {
        invocations.decrementAndGet();
        processPermits.release();
    }

    /** Tells the limit when it, and not the process cap or the ordering, kept ready work waiting. */
    private void noteHeldBack() {
        if (invocations.get() < limit.current()) {
            return;
        }
        for (PartitionState state : partitions.values()) {
            if (state.lanes.hasReady()) {
                limit.heldBack();
                return;
            }
        }
    }

    private void adaptLimit(Completion completion) {
        if (completion.outcome() == Result.FAILED && Failures.overloaded(completion.error())) {
            limit.overloaded(completion.latencyMillis());
        } else {
            limit.completed(completion.latencyMillis());
        }
        counters.concurrencyLimit = limit.current();
        metrics.concurrencyLimit(limit.current());
    }

    /** Pauses a partition whose buffered work passed the bound and resumes it once half of that is left. */
    private void applyBackpressure() {
        List<TopicPartition> pause = null;
        List<TopicPartition> resume = null;
        long totalBuffered = 0;
        long totalInFlight = 0;
        boolean everyPartitionPaused = !partitions.isEmpty();
        for (Map.Entry<TopicPartition, PartitionState> entry : partitions.entrySet()) {
            TopicPartition partition = entry.getKey();
            PartitionState state = entry.getValue();
            int buffered = state.lanes.buffered();
            totalBuffered += buffered;
            totalInFlight += state.inFlight;
            if (!state.paused && buffered >= settings.maxBufferedPerPartition()) {
                state.paused = true;
                pause = add(pause, partition);
            } else if (state.paused && buffered <= settings.maxBufferedPerPartition() / 2) {
                state.paused = false;
                resume = add(resume, partition);
            }
            everyPartitionPaused &= state.paused;
        }
        allPaused = everyPartitionPaused;
        counters.buffered = totalBuffered;
        counters.inFlight = totalInFlight;
        metrics.workInProgress(totalInFlight, totalBuffered);
        if (pause != null) {
            consumer.pause(pause);
        }
        if (resume != null) {
            consumer.resume(resume);
        }
    }

    /** Adds to a list made on first use: most turns pause and resume nothing. */
    private static List<TopicPartition> add(List<TopicPartition> list, TopicPartition partition) {
        List<TopicPartition> made = list == null ? new ArrayList<>() : list;
        made.add(partition);
        return made;
    }

    /**
     * Sets each partition's lag, about once a second: the log end offset the consumer last saw minus the offset a
     * commit would write now, so records buffered or in flight count as lag too. {@code currentLag} answers from
     * the consumer's fetch state without asking a broker; while the log end offset is unknown the gauge keeps its
     * value.
     */
    private void updateLag() {
        for (Map.Entry<TopicPartition, PartitionState> entry : partitions.entrySet()) {
            OptionalLong lag = consumer.currentLag(entry.getKey());
            if (lag.isPresent()) {
                // A known lag implies a valid position, so position() needs no broker either.
                PartitionState state = entry.getValue();
                long position = consumer.position(entry.getKey());
                state.knownPosition = position;
                long committable = state.committable();
                long done = committable < 0 ? position : committable;
                state.lag.set(Math.max(0, position + lag.getAsLong() - done));
            }
        }
    }

    private void commit(Collection<TopicPartition> which, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : which) {
            PartitionState state = partitions.get(partition);
            long committable = state == null ? -1 : state.committable();
            if (committable > state.lastCommitted) {
                offsets.put(partition, new OffsetAndMetadata(committable));
                state.lastCommitted = committable;
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            try {
                consumer.commitSync(offsets);
            } catch (WakeupException e) {
                // A finishing invocation woke the consumer for the poll; the wakeup is spent, so commit again,
                // and let the next completion wake the poll again.
                wakeupRequested.set(false);
                consumer.commitSync(offsets);
            }
        } else {
            consumer.commitAsync(offsets, (committed, error) -> {
                if (error != null) {
                    log.warn("{}: committing {} failed; a later commit covers it: {}", settings.functionName(),
                            committed, error.toString());
                }
            });
        }
    }

    /**
     * Lets the work of {@code which} that the commit is waiting for finish within the drain timeout: what is in
     * flight, and what is queued below the highest offset already completed or started. Each such record finished moves the
     * commit past completed work the next owner would otherwise do again; queued work above that offset is
     * dropped at once, for the next owner to read. What is still unfinished at the deadline is abandoned
     * uncommitted.
     */
    private void drain(Collection<TopicPartition> which) {
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        Map<TopicPartition, Long> watermarks = new HashMap<>();
        for (TopicPartition partition : which) {
            PartitionState state = partitions.get(partition);
            if (state != null) {
                // Work in flight will complete too: what waits below it fills gaps as well.
                long watermark = Math.max(state.offsets.highestCompleted(), state.highestStarted);
                watermarks.put(partition, watermark);
                state.lanes.removeQueued(work -> work.offset() > watermark);
            }
        }
        retries.removeIf(work -> watermarks.containsKey(work.partition)
                && work.offset() > watermarks.get(work.partition));
        while (inFlight(which) > 0 || hasGapBelow(watermarks)) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                log.warn("{}: {} invocations still running after {}; abandoned uncommitted: {}", settings.functionName(),
                        inFlight(which), settings.drainTimeout(), describe(which));
                break;
            }
            long now = clock.millis();
            expireOverdue(now);
            startDueRetries();
            startReadyWork();
            try {
                long untilDue = Math.min(retries.millisUntilNext(now), nextDeadlineMillis - now);
                Completion completion = completions.poll(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(
                        Math.max(1, untilDue))), TimeUnit.NANOSECONDS);
                if (completion != null) {
                    apply(completion);
                    applyCompletions();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (TopicPartition partition : which) {
            PartitionState state = partitions.get(partition);
            if (state != null) {
                state.lanes.clearQueued();
            }
        }
        retries.removeAll(which);
    }

    private String describe(Collection<TopicPartition> which) {
        StringBuilder text = new StringBuilder();
        for (TopicPartition partition : which) {
            PartitionState state = partitions.get(partition);
            if (state != null) {
                text.append(partition).append(" committable=").append(state.offsets.committable())
                        .append(" highest=").append(state.offsets.highestCompleted())
                        .append(" queued=").append(state.lanes.buffered())
                        .append(" lanesRunning=").append(state.lanes.running())
                        .append(" inFlight=").append(state.inFlight).append("; ");
            }
        }
        return text.toString();
    }

    /**
     * Whether a record at or below its partition's watermark is still not done. The watermark is fixed when the
     * drain starts: work above it was dropped, and it stays pending however far in-flight work moves the highest
     * completed offset.
     */
    private boolean hasGapBelow(Map<TopicPartition, Long> watermarks) {
        for (Map.Entry<TopicPartition, Long> entry : watermarks.entrySet()) {
            PartitionState state = partitions.get(entry.getKey());
            long watermark = entry.getValue();
            if (state != null && watermark >= 0 && state.offsets.committable() <= watermark) {
                return true;
            }
        }
        return false;
    }

    private int inFlight(Collection<TopicPartition> which) {
        int count = 0;
        for (TopicPartition partition : which) {
            PartitionState state = partitions.get(partition);
            count += state == null ? 0 : state.inFlight;
        }
        return count;
    }

    private static String attribute(CloudEvent event, String name) {
        Object value = event.getAttributeNames().contains(name) ? event.getAttribute(name) : event.getExtension(name);
        return value == null ? null : value.toString();
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            for (TopicPartition partition : assigned) {
                partitions.computeIfAbsent(partition,
                        ignored -> new PartitionState(settings.ordering(), metrics.partitionAssigned(partition)));
                roundRobin.add(partition);
            }
            log.info("{}: assigned {}", settings.functionName(), assigned);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            drain(revoked);
            commit(revoked, true);
            forget(revoked);
            log.info("{}: revoked {}", settings.functionName(), revoked);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            // Another member owns them already: committing now would move its offsets.
            forget(lost);
            log.info("{}: lost {}", settings.functionName(), lost);
        }

        private void forget(Collection<TopicPartition> gone) {
            for (TopicPartition partition : gone) {
                PartitionState state = partitions.remove(partition);
                if (state != null) {
                    state.lag.remove();
                }
            }
            roundRobin.removeAll(gone);
            retries.removeAll(gone);
        }
    }
}
