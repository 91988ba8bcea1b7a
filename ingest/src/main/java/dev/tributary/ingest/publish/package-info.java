/**
 * The one publisher every ingest adapter writes through.
 *
 * <p>{@link dev.tributary.ingest.publish.Publisher} is the seam: adapters publish CloudEvents to topics and
 * acknowledge their own clients only when the returned stage completes with
 * {@link dev.tributary.ingest.publish.Acknowledgement}s. A {@link dev.tributary.ingest.publish.PublishException}
 * says why not, and its reason what the client may do. {@link dev.tributary.ingest.publish.KafkaPublisher} is the
 * implementation, configured by {@link dev.tributary.ingest.publish.PublisherSettings}; everything in
 * {@code internal} is its internals.
 */
package dev.tributary.ingest.publish;
