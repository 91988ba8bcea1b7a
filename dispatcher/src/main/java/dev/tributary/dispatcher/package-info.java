/**
 * Consumes subscribed topics and invokes functions with per-key ordering, concurrency caps, retries and dead-letter topics.
 */
package dev.tributary.dispatcher;
