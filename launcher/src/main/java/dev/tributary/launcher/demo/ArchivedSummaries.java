package dev.tributary.launcher.demo;

/**
 * The window summaries in the archive bucket at one moment.
 *
 * @param objects   objects written
 * @param lines     JSON lines in them, one summary each
 * @param summaries distinct summaries among the lines, by CloudEvents id: a summary written again after a retry counts
 *                  once, as on the topic
 */
public record ArchivedSummaries(int objects, int lines, int summaries) {
}
