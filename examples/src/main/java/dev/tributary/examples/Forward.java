package dev.tributary.examples;

import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.Output;

/** Copies each event unchanged (same key, data and attributes) to the function's output topic. */
public final class Forward implements EventFunction<byte[]> {

    @Override
    public void handle(Event<byte[]> event, Context context) {
        context.emit(Output.copyOf(event));
    }
}
