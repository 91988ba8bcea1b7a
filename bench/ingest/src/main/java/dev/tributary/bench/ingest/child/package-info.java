/**
 * What the benchmark's child JVMs share: their arguments, how they tell the runner they are ready and when they
 * measure, the load window, the acknowledgement recorder and the result line the runner reads.
 */
package dev.tributary.bench.ingest.child;
