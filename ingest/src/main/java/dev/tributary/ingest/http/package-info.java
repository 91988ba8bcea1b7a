/**
 * The HTTP ingest adapter. {@link dev.tributary.ingest.http.HttpIngest#start} runs it with
 * {@link dev.tributary.ingest.http.HttpIngestSettings}, whose parts ({@link dev.tributary.ingest.http.EventRoute},
 * {@link dev.tributary.ingest.http.ApiKey}, {@link dev.tributary.ingest.http.WebhookRoute},
 * {@link dev.tributary.ingest.http.WebhookSignature}, {@link dev.tributary.ingest.http.AuthMode}) live beside it;
 * everything in {@code internal} is its internals.
 */
package dev.tributary.ingest.http;
