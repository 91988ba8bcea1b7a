package dev.tributary.connectors.storage;

import dev.tributary.connectors.storage.internal.BatchWriter;
import dev.tributary.connectors.storage.internal.ObjectStore;
import dev.tributary.connectors.storage.internal.S3ObjectStore;
import dev.tributary.connectors.storage.internal.StorageSettings;
import dev.tributary.sdk.AsyncEventFunction;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.FunctionConfig;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A sink that writes events in batches to objects of an S3-compatible bucket: declare it as a function with
 * {@code handler: dev.tributary.connectors.storage.ObjectStorageSink} and its settings under {@code config} (see
 * docs/connectors.md): {@code endpoint}, {@code region}, {@code bucket}, {@code prefix}, {@code accessKeyId},
 * {@code secretAccessKey}, {@code sessionToken}, {@code pathStyleAccess}, {@code format}, {@code maxRecords},
 * {@code maxBytes}, {@code maxAge}, {@code timeout}.
 *
 * <p>Each batch holds events of one topic partition and becomes one object, written with a single {@code PutObject}
 * (readers see all of it or nothing) and named after where its events came from:
 * {@code <prefix>/<topic>/<partition>/<first offset>-<last offset>.jsonl}. An event's invocation completes only once
 * the object holding it exists, so the dispatcher commits no offset before its event is stored. A failed write fails
 * every event of its batch with {@link dev.tributary.sdk.RetryableException} (or
 * {@link dev.tributary.sdk.OverloadedException} when the store asks to slow down), and the retries rewrite the same
 * batch under the same name, so a write whose outcome was unknown does not leave a second copy; a refusal of the
 * object itself fails them with {@link dev.tributary.sdk.NonRetryableException}, which dead-letters them.
 *
 * <p>A batch holds only events the dispatcher has in flight: subscribe with {@code ordering: unordered} and a
 * {@code concurrency} of at least {@code maxRecords}. Thread-safe, as the dispatcher needs.
 */
public final class ObjectStorageSink implements AsyncEventFunction<byte[]> {

    private final Clock clock;
    private final Function<StorageSettings, ObjectStore> stores;
    private volatile BatchWriter writer;

    public ObjectStorageSink() {
        this(Clock.systemUTC(), S3ObjectStore::open);
    }

    /**
     * @param clock  times batches
     * @param stores opens the store the settings name
     */
    ObjectStorageSink(Clock clock, Function<StorageSettings, ObjectStore> stores) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing or not allowed, or the bucket that does not
     *                                  exist
     * @throws IllegalStateException    when the store cannot be reached
     */
    @Override
    public void open(FunctionConfig config) {
        StorageSettings settings = StorageSettings.read(config);
        writer = new BatchWriter(settings, stores.apply(settings), clock);
    }

    @Override
    public CompletionStage<Void> handle(Event<byte[]> event, Context context) {
        BatchWriter open = writer;
        if (open == null) {
            throw new IllegalStateException("ObjectStorageSink was not opened: call open(config) before handle");
        }
        return open.add(event, context.deadline());
    }

    /** Drops batches not yet being written: their events were not committed and are read again. */
    @Override
    public void close() {
        BatchWriter open = writer;
        if (open != null) {
            writer = null;
            open.close();
        }
    }
}
