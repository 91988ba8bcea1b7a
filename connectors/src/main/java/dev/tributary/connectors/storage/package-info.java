/**
 * The object storage sink: {@link dev.tributary.connectors.storage.ObjectStorageSink} writes events in batches, one
 * object per batch of a topic partition, to an S3-compatible bucket, in a {@link
 * dev.tributary.connectors.storage.ObjectFormat}, and completes each event only once its object exists.
 */
package dev.tributary.connectors.storage;
