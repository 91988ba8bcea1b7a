package dev.tributary.sdk;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A function's own settings: the {@code config} map of its entry in {@code tributary.yaml}, with
 * {@code ${env:NAME}} references already replaced. Immutable.
 *
 * @param functionName the function's name
 * @param values       the settings as YAML gave them: strings, numbers, booleans, lists and maps
 */
public record FunctionConfig(String functionName, Map<String, Object> values) {

    public FunctionConfig {
        Objects.requireNonNull(functionName, "functionName");
        values = Map.copyOf(values);
    }

    public static FunctionConfig empty(String functionName) {
        return new FunctionConfig(functionName, Map.of());
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name)).map(Object::toString);
    }

    /**
     * A required text setting.
     *
     * @throws IllegalArgumentException naming the setting when it is missing
     */
    public String requireString(String name) {
        return string(name).orElseThrow(() -> new IllegalArgumentException(
                "functions[" + functionName + "].config." + name + " is required"));
    }

    /**
     * A number setting, or {@code defaultValue} when absent.
     *
     * @throws IllegalArgumentException naming the setting when it is not a number
     */
    public double number(String name, double defaultValue) {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("functions[" + functionName + "].config." + name + ": '" + value
                    + "' is not a number", e);
        }
    }
}
