package dev.tributary.examples.iot;

import dev.tributary.sdk.FunctionConfig;
import java.util.List;

/** Refuses settings a function does not have, so that a misspelt one never silently takes its default. */
final class KnownSettings {

    private KnownSettings() {
    }

    /** @throws IllegalArgumentException naming the first unknown setting and listing the known ones */
    static void check(FunctionConfig config, Class<?> function, String... known) {
        List<String> names = List.of(known);
        for (String name : config.values().keySet()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("functions[" + config.functionName() + "].config." + name
                        + " is not a setting of " + function.getSimpleName() + "; its settings are "
                        + String.join(", ", names));
            }
        }
    }
}
