/**
 * The workings of the storage adapter: listings and their differences
 * ({@link dev.tributary.ingest.storage.internal.ListingDiff}), the poll cycle that publishes before it checkpoints
 * ({@link dev.tributary.ingest.storage.internal.SnapshotPoller}), the Kafka checkpoint
 * ({@link dev.tributary.ingest.storage.internal.KafkaCheckpointStore}), the election of one active poller per scope
 * ({@link dev.tributary.ingest.storage.internal.PollerElection},
 * {@link dev.tributary.ingest.storage.internal.ActivePoller}), and the reading and deduplication of
 * notifications ({@link dev.tributary.ingest.storage.internal.NotificationReader},
 * {@link dev.tributary.ingest.storage.internal.Deduplicator}). Nothing here is API.
 */
package dev.tributary.ingest.storage.internal;
