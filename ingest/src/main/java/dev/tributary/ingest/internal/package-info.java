/**
 * What the ingest adapters share and do not publish: the checks of their settings, the split of one map of Kafka
 * properties among an adapter's clients, and the topics adapters keep their own state on.
 */
package dev.tributary.ingest.internal;
