/**
 * How the JDBC sink works: its settings, validated SQL names and types, the upsert statement, the table check, a
 * small connection pool and the classification of SQL failures.
 */
package dev.tributary.connectors.jdbc.internal;
