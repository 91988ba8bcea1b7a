/** Confluent Parallel Consumer running the benchmark function, on kafka-clients 3.9.1 as it is built. */
package dev.tributary.bench.parallelconsumer;
