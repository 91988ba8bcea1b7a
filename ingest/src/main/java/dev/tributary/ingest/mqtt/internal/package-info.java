/**
 * The parts of the MQTT adapter: topic filters, key templates and codecs, the message pipeline shared by both modes
 * ({@link dev.tributary.ingest.mqtt.internal.MessagePipeline}), the Vert.x endpoint of the direct mode and the
 * HiveMQ client of the bridge. Not for use outside this module.
 */
package dev.tributary.ingest.mqtt.internal;
