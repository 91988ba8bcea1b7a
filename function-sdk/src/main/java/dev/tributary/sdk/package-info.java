/**
 * The API function authors compile against, and the only one.
 *
 * <p>A function implements {@link dev.tributary.sdk.EventFunction} (or its asynchronous twin
 * {@link dev.tributary.sdk.AsyncEventFunction}) and is declared in {@code tributary.yaml} with what it
 * subscribes to. For every event that passes the subscription's filter, Tributary calls the function with an
 * {@link dev.tributary.sdk.Event} and a {@link dev.tributary.sdk.Context}:
 *
 * <pre>{@code
 * public final class Forward implements EventFunction<byte[]> {
 *     public void handle(Event<byte[]> event, Context context) {
 *         context.emit(Output.copyOf(event));
 *     }
 * }
 * }</pre>
 *
 * <p>Returning normally completes the event: its outputs are on Kafka before its offset is committed.
 * Throwing fails it: a {@link dev.tributary.sdk.NonRetryableException} sends it to the dead-letter topic at
 * once, anything else is retried as the subscription's retry policy says. {@link dev.tributary.sdk.FunctionTester}
 * runs a function in a unit test without Kafka.
 */
package dev.tributary.sdk;
