package dev.tributary.connectors.storage.internal;

/**
 * Where batches are written: a bucket of an S3-compatible store ({@link S3ObjectStore}), or a test's stand-in.
 * Implementations are thread-safe.
 */
public interface ObjectStore extends AutoCloseable {

    /**
     * Writes {@code body} as the object {@code name} in one request, replacing an object of that name: readers see
     * the whole object or none of it. Returns once the store has it.
     *
     * @throws dev.tributary.sdk.NonRetryableException when the store refuses the object itself, so writing it again
     *                                                 cannot succeed
     * @throws dev.tributary.sdk.RetryableException    for anything a later attempt may get past: the store down,
     *                                                 busy ({@link dev.tributary.sdk.OverloadedException}), or refusing
     *                                                 the sink's credentials or bucket until its settings are fixed
     */
    void put(String name, byte[] body, String contentType);

    @Override
    void close();
}
