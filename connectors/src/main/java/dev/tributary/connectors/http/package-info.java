/**
 * The HTTP webhook sink: {@link dev.tributary.connectors.http.WebhookSink} POSTs each event to a URL, as a
 * CloudEvent in binary or structured mode or as its JSON data alone ({@link dev.tributary.connectors.http.WebhookFormat}),
 * and turns the answer into the SDK's failure types so the dispatcher retries or dead-letters it.
 */
package dev.tributary.connectors.http;
