package dev.tributary.launcher;

import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.Output;

/** A function for launcher tests: emits each text event upper-cased, with the same key. */
public final class Upper implements EventFunction<String> {

    @Override
    public void handle(Event<String> event, Context context) {
        context.emit(Output.ofType("upper").key(event.keyAsString().orElse(null)).text(event.data().toUpperCase()).build());
    }
}
