/**
 * What the sinks share and no user calls: settings read against their definitions ({@link
 * dev.tributary.connectors.internal.Setting}, {@link dev.tributary.connectors.internal.SinkConfig}) and rendered
 * for the reference ({@link dev.tributary.connectors.internal.SettingsTable}), one-line failure messages, and events
 * written in the CloudEvents JSON format ({@link dev.tributary.connectors.internal.CloudEventJson}).
 */
package dev.tributary.connectors.internal;
