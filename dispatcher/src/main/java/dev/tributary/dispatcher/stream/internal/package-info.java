/**
 * How a stream function's settings become Kafka Streams configuration, how its topics are checked and its
 * dead-letter topics created, and how records that cannot be processed are dead-lettered. Not an API: the
 * launcher uses {@link dev.tributary.dispatcher.stream.StreamFunctionRunner}.
 */
package dev.tributary.dispatcher.stream.internal;
