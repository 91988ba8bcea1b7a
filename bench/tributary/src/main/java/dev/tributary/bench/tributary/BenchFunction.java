package dev.tributary.bench.tributary;

import dev.tributary.bench.core.RecordLayout;
import dev.tributary.bench.core.Workload;
import dev.tributary.sdk.Context;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.EventFunction;

/**
 * The benchmark function as an SDK function: it reads the key and the two benchmark extensions of the event and
 * hands them to the shared {@link Workload}, on the virtual thread the dispatcher runs it on.
 */
final class BenchFunction implements EventFunction<byte[]> {

    private final Workload workload;

    BenchFunction(Workload workload) {
        this.workload = workload;
    }

    @Override
    public void handle(Event<byte[]> event, Context context) throws InterruptedException {
        byte[] key = event.key().orElseThrow(() -> new IllegalArgumentException("event " + event.id() + " has no key"));
        workload.handle(RecordLayout.keyId(key),
                Integer.parseInt(extension(event, RecordLayout.SEQUENCE_EXTENSION)),
                Long.parseLong(extension(event, RecordLayout.PRODUCED_EXTENSION)));
    }

    private static String extension(Event<byte[]> event, String name) {
        String value = event.extensions().get(name);
        if (value == null) {
            throw new IllegalArgumentException("event " + event.id() + " has no " + name + " extension");
        }
        return value;
    }
}
