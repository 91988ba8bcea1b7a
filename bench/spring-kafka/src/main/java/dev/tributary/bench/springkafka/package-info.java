/** Spring Kafka's concurrent listener container running the benchmark function, without Spring Boot. */
package dev.tributary.bench.springkafka;
