package dev.tributary.launcher.config.internal;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** What error messages need to know about SnakeYAML nodes. */
final class Nodes {

    private Nodes() {
    }

    /** The 1-based line a node starts on; SnakeYAML counts from 0. */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** {@code key:} with no value, {@code ~} or {@code null}: the same as leaving the key out. */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** The key of a mapping entry, or null when the key is a list or a mapping. */
    static String key(Node keyNode) {
        return keyNode instanceof ScalarNode scalar && !isNull(keyNode) ? scalar.getValue() : null;
    }

    /** What a node is, for "expected X, found Y". */
    static String describe(Node node) {
        return switch (node) {
            case MappingNode mapping -> "a mapping";
            case SequenceNode sequence -> "a list";
            case ScalarNode scalar when isNull(scalar) -> "no value";
            case ScalarNode scalar -> "'" + scalar.getValue() + "'";
            default -> "a " + node.getNodeId();
        };
    }

    /** "a string", "an integer": the name of a type as the object of "expected". */
    static String withArticle(String typeName) {
        return ("aeio".indexOf(Character.toLowerCase(typeName.charAt(0))) >= 0 ? "an " : "a ") + typeName;
    }
}
