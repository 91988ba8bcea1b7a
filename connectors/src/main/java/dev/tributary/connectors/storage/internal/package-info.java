/**
 * How the object storage sink works: its settings, batching per partition with retries that rewrite the same object,
 * object names, and the S3 client with the classification of its failures.
 */
package dev.tributary.connectors.storage.internal;
