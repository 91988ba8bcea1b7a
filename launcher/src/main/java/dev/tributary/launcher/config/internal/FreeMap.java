package dev.tributary.launcher.config.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A mapping handed to user code as written; see {@link Types#freeMap()}. */
final class FreeMap implements ValueType<Map<String, Object>> {

    @Override
    public String name() {
        return "mapping";
    }

    @Override
    public String allowed() {
        return "any";
    }

    @Override
    public String format(Map<String, Object> value) {
        return value.isEmpty() ? "{}" : value.toString();
    }

    @Override
    public Map<String, Object> read(Node node, Location at, ReadContext context) {
        if (!(node instanceof MappingNode)) {
            context.expected(at, name(), node);
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value(node, at, context, new Scalars());
        return map;
    }

    /** Immutable maps and lists, since the value is shared with user code; null after reporting an error. */
    private static Object value(Node node, Location at, ReadContext context, Scalars scalars) {
        if (context.tooDeep(at)) {
            return null;
        }
        boolean valid = true;
        switch (node) {
            case MappingNode mapping -> {
                Map<String, Object> result = new LinkedHashMap<>();
                for (ReadContext.Entry entry : context.entries(mapping, at)) {
                    Object value = value(entry.value(), entry.at(), context, scalars);
                    valid &= value != null;
                    result.put(entry.key(), value);
                }
                return valid ? Collections.unmodifiableMap(result) : null;
            }
            case SequenceNode sequence -> {
                List<Object> result = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    Object value = value(item, at.element(result.size(), Nodes.line(item)), context, scalars);
                    valid &= value != null;
                    result.add(value);
                }
                return valid ? Collections.unmodifiableList(result) : null;
            }
            case ScalarNode scalar when Nodes.isNull(scalar) -> {
                context.error(at, "has no value; give one or leave the key out");
                return null;
            }
            case ScalarNode scalar when scalars.typed(scalar) -> {
                return scalars.construct(scalar);
            }
            default -> {
                return context.text(node, at, "string");
            }
        }
    }

    /** Booleans and numbers as SnakeYAML reads them ({@code yes}, {@code 0x1F}, {@code 1_000}, {@code .inf}). */
    private static final class Scalars extends SafeConstructor {

        Scalars() {
            super(new LoaderOptions());
        }

        boolean typed(ScalarNode scalar) {
            return Tag.BOOL.equals(scalar.getTag()) || Tag.INT.equals(scalar.getTag())
                    || Tag.FLOAT.equals(scalar.getTag());
        }

        Object construct(ScalarNode scalar) {
            return constructObject(scalar);
        }
    }
}
