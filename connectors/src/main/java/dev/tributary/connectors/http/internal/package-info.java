/**
 * How the webhook sink works: its settings, the request of each format, body signing, and the classification of
 * HTTP answers and I/O failures.
 */
package dev.tributary.connectors.http.internal;
