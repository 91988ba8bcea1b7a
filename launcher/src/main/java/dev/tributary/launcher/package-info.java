/**
 * The {@code tributary} command line. {@link dev.tributary.launcher.Main} is the entry point; each command
 * is a picocli class, and this module is the one place that builds the object graph of a running process
 * and reads its environment.
 */
package dev.tributary.launcher;
