/**
 * The ingest meters: {@link dev.tributary.ingest.metrics.IngestMetrics} declares every name, description and tag.
 */
package dev.tributary.ingest.metrics;
