/**
 * What the sinks share and no user calls: settings read against their definitions ({@link
 * dev.tributary.connectors.internal.Setting}, {@link dev.tributary.connectors.internal.SinkConfig}) and rendered
 * for the reference ({@link dev.tributary.connectors.internal.SettingsTable}), and one-line failure messages.
 */
package dev.tributary.connectors.internal;
