/**
 * The parts of {@link dev.tributary.ingest.http.HttpIngest}: request routing and checks
 * ({@link dev.tributary.ingest.http.internal.RequestRouter}), the endpoints, CloudEvents reading, and the Vert.x
 * glue. Not for use outside this module.
 */
package dev.tributary.ingest.http.internal;
