package dev.tributary.launcher;

import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.Output;

/** Like {@link Upper}, after 20 ms of work: slow enough that a stop finds invocations in flight. */
public final class SlowUpper implements EventFunction<String> {

    @Override
    public void handle(Event<String> event, Context context) throws InterruptedException {
        Thread.sleep(20);
        context.emit(Output.ofType("upper").key(event.keyAsString().orElse(null)).text(event.data().toUpperCase()).build());
    }
}
