package dev.tributary.examples.iot;

import dev.tributary.sdk.FunctionConfig;
import java.time.Duration;

/** Reads a whole number of seconds from a function's settings, such as {@code windowSeconds: 60}. */
final class Seconds {

    private Seconds() {
    }

    /**
     * @throws IllegalArgumentException naming the setting when it is not a whole number of at least {@code minimum}
     */
    static Duration read(FunctionConfig config, String name, long defaultSeconds, long minimum) {
        double seconds = config.number(name, defaultSeconds);
        if (seconds != Math.rint(seconds) || seconds < minimum) {
            throw new IllegalArgumentException("functions[" + config.functionName() + "].config." + name + ": "
                    + config.values().get(name) + " is not a whole number of seconds from " + minimum);
        }
        return Duration.ofSeconds((long) seconds);
    }
}
