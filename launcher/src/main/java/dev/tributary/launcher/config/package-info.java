/**
 * The configuration file, {@code tributary.yaml}: {@link dev.tributary.launcher.config.ConfigLoader} reads and
 * validates it into an immutable {@link dev.tributary.launcher.config.TributaryConfig}, or fails with every
 * {@link dev.tributary.launcher.config.ConfigError} at once. The settings are defined once, in
 * {@code internal.ConfigSchema}; docs/configuration.md is generated from them by
 * {@link dev.tributary.launcher.config.ConfigurationReference}.
 */
package dev.tributary.launcher.config;
