/**
 * Remote functions over the CloudEvents HTTP protocol binding, binary mode: {@link
 * dev.tributary.dispatcher.http.HttpFunctionInvoker} posts each event to the function's URL and writes the events
 * it replies with to the function's output topic. Everything else in this package is its internals.
 */
package dev.tributary.dispatcher.http;
