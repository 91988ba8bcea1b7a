package dev.tributary.schemas.registry;

import java.util.List;

/**
 * The registry's verdict on a candidate schema.
 *
 * @param compatible whether the schema may be registered as the subject's next version
 * @param messages   why it may not, when the registry says (registries that do not explain leave this empty)
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }
}
