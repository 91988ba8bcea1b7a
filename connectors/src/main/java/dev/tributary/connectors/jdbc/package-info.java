/**
 * The JDBC sink: {@link dev.tributary.connectors.jdbc.JdbcUpsertSink} upserts each event's JSON data into a
 * PostgreSQL table by key, idempotently, and turns SQL failures into the SDK's failure types so the dispatcher
 * retries what is transient and dead-letters what the table refuses.
 */
package dev.tributary.connectors.jdbc;
