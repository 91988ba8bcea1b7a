package dev.tributary.launcher.config.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings read from one mapping, with where each was, from which a section builds its part of the model
 * and cross-field checks find what they compare.
 */
public final class Values {

    private final Location at;
    private final Map<Setting<?>, Object> values = new HashMap<>();
    private final Map<Setting<?>, Location> locations = new HashMap<>();
    private boolean valid;

    Values(Location at) {
        this.at = at;
    }

    /** Records a setting found in the file; {@code value} is null when it was not valid. */
    void put(Setting<?> setting, Location location, Object value) {
        locations.put(setting, location);
        if (value != null) {
            values.put(setting, value);
        }
    }

    void markValid(boolean valid) {
        this.valid = valid;
    }

    /** Whether nothing in this mapping, nested values included, had an error. */
    boolean valid() {
        return valid;
    }

    /** Whether the file sets the setting, validly or not. */
    public boolean isSet(Setting<?> setting) {
        return locations.containsKey(setting);
    }

    /** The valid value from the file, else the default; empty when neither is there. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(Setting<T> setting) {
        Object value = values.get(setting);
        return value != null ? Optional.of((T) value) : Optional.ofNullable(setting.defaultValue());
    }

    /** The value of a setting that is required or has a default, once the mapping is known to be valid. */
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(() -> new IllegalStateException(
                at.child(setting.name(), at.line()).path() + " has no value; read an optional setting with find"));
    }

    /** Where this mapping is. */
    public Location at() {
        return at;
    }

    /** Where a setting is; where its mapping is when the file leaves it out. */
    public Location at(Setting<?> setting) {
        return locations.getOrDefault(setting, at.child(setting.name(), at.line()));
    }
}
