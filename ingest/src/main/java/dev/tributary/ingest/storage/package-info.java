/**
 * The object-storage ingest adapter, in three modes that publish the same storage events
 * ({@link dev.tributary.ingest.storage.StorageEvents}) through the shared publisher:
 * <ul>
 *   <li>{@link dev.tributary.ingest.storage.StorageWebhook}: S3 and MinIO bucket notifications posted over HTTP,
 *       with redeliveries dropped ({@link dev.tributary.ingest.storage.StorageWebhookSettings},
 *       {@link dev.tributary.ingest.storage.DedupSettings});</li>
 *   <li>{@link dev.tributary.ingest.storage.StoragePolling}: S3-compatible buckets without notifications, listed
 *       every interval against a checkpoint in Kafka ({@link dev.tributary.ingest.storage.StoragePollingSettings},
 *       {@link dev.tributary.ingest.storage.S3Credentials});</li>
 *   <li>{@link dev.tributary.ingest.storage.DirectoryWatch}: a local directory, for development
 *       ({@link dev.tributary.ingest.storage.DirectoryWatchSettings}).</li>
 * </ul>
 * {@link dev.tributary.ingest.storage.StorageMetrics} holds the meters; everything in {@code internal} is the
 * adapter's internals.
 */
package dev.tributary.ingest.storage;
