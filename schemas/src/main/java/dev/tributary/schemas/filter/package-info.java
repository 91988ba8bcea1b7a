/**
 * CloudEvents filters, as the Subscriptions API defines them: the model that ingest routes and the dispatcher
 * evaluate on an event's attributes.
 */
package dev.tributary.schemas.filter;
