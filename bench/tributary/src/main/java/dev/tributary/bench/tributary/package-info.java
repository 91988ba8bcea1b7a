/** Tributary's dispatcher running the benchmark function in-process, written against the SDK as users write one. */
package dev.tributary.bench.tributary;
