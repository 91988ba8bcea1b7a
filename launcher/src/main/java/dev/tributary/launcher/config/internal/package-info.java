/**
 * How the configuration is read: settings and their types, sections, error collection and environment
 * substitution. {@link dev.tributary.launcher.config.internal.ConfigSchema} holds every definition.
 */
package dev.tributary.launcher.config.internal;
