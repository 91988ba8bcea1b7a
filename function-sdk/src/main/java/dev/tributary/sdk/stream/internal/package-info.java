/**
 * How {@link dev.tributary.sdk.stream.StreamBuilder} maps CloudEvents on Kafka onto Kafka Streams and back: the
 * decoding processors, the CloudEvent writer, the serdes on codecs. Not an API: function code uses
 * {@link dev.tributary.sdk.stream} only.
 */
package dev.tributary.sdk.stream.internal;
