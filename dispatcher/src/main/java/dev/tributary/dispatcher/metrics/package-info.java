/**
 * The dispatcher's meters: {@link dev.tributary.dispatcher.metrics.DispatcherMetrics} declares every name,
 * description and tag once.
 */
package dev.tributary.dispatcher.metrics;
