package dev.tributary.sdk;

import java.util.concurrent.CompletionStage;

/**
 * A function that starts handling an event and completes the returned stage when done, for code built on
 * asynchronous clients. Completing normally completes the event; completing exceptionally (or throwing) fails
 * it, as for {@link EventFunction}. {@code handle} must not block.
 *
 * @param <T> the type of the event's data, chosen as for {@link EventFunction}
 */
@FunctionalInterface
public interface AsyncEventFunction<T> extends FunctionLifecycle {

    CompletionStage<Void> handle(Event<T> event, Context context);
}
