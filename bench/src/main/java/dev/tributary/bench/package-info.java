/**
 * Side-by-side benchmarks against the raw-consumer limit and peers on the same broker.
 */
package dev.tributary.bench;
