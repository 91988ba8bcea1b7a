/** The parts of {@link dev.tributary.ingest.publish.KafkaPublisher}; not for use outside this module. */
package dev.tributary.ingest.publish.internal;
