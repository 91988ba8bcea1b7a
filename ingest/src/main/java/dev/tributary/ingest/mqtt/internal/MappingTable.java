package dev.tributary.ingest.mqtt.internal;

import java.util.List;
import java.util.Optional;

/** The mappings in their configured order: the first whose filter matches a topic takes its messages. */
public final class MappingTable {

    private final List<CompiledMapping> mappings;

    public MappingTable(List<CompiledMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    public Optional<Route> route(String topic) {
        for (CompiledMapping mapping : mappings) {
            Optional<List<String>> levels = mapping.filter().match(topic);
            if (levels.isPresent()) {
                return Optional.of(new Route(mapping, levels.get()));
            }
        }
        return Optional.empty();
    }

    public List<CompiledMapping> mappings() {
        return mappings;
    }

    /**
     * Where a message goes.
     *
     * @param levels what the filter's wildcards matched in the topic
     */
    public record Route(CompiledMapping mapping, List<String> levels) {
    }
}
