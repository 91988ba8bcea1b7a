package dev.tributary.launcher.config.internal;

import dev.tributary.launcher.config.ConfigError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One reading of one file: collects every error instead of stopping at the first, substitutes
 * {@code ${env:NAME}} through the environment it was given, and resolves relative paths against the file's folder.
 */
public final class ReadContext {

    /** Deeper than any hand-written file; reached only by a YAML alias that contains itself. */
    private static final int MAX_DEPTH = 64;

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([^}]*)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String file;
    private final Path baseDir;
    private final Function<String, String> env;
    private final List<ConfigError> errors = new ArrayList<>();

    /**
     * @param file    the file's name as error messages show it
     * @param baseDir the folder relative paths in the file are relative to
     * @param env     the value of an environment variable, or null when it is not set
     */
    public ReadContext(String file, Path baseDir, Function<String, String> env) {
        this.file = Objects.requireNonNull(file, "file");
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
        this.env = Objects.requireNonNull(env, "env");
    }

    public void error(Location at, String message) {
        errors.add(new ConfigError(file, at.line(), at.path(), message));
    }

    int errorCount() {
        return errors.size();
    }

    /** Every error so far, in the order of the file's lines. */
    public List<ConfigError> errors() {
        return errors.stream().sorted(Comparator.comparingInt(ConfigError::line)).toList();
    }

    Path resolve(String path) {
        return baseDir.resolve(path).normalize();
    }

    /**
     * The text of a scalar with every {@code ${env:NAME}} replaced; null after reporting a node that is not a
     * scalar, or a variable that is not set.
     *
     * @param expected the type's name, for "expected a string, found a list"
     */
    String text(Node node, Location at, String expected) {
        if (!(node instanceof ScalarNode scalar) || Nodes.isNull(node)) {
            expected(at, expected, node);
            return null;
        }
        return substituteEnv(scalar.getValue(), at);
    }

    /** Reports a value of the wrong kind: {@code expected a list of strings, found 'in'}. */
    void expected(Location at, String typeName, Node found) {
        error(at, "expected " + Nodes.withArticle(typeName) + ", found " + Nodes.describe(found));
    }

    /** Whether a recursive type has gone too deep to be reading a real file, after reporting it. */
    boolean tooDeep(Location at) {
        if (at.depth() <= MAX_DEPTH) {
            return false;
        }
        error(at, "nested more than " + MAX_DEPTH + " levels deep; does a YAML alias contain itself?");
        return true;
    }

    /** One entry of a mapping: its key, where the key is, and the value's node. */
    record Entry(String key, Location at, Node value) {
    }

    /**
     * The entries of a mapping whose keys are plain names, in the file's order; reports, and leaves out, a key
     * that is a list or a mapping and a key set twice.
     */
    List<Entry> entries(MappingNode mapping, Location at) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> firstLines = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            int line = Nodes.line(tuple.getKeyNode());
            String key = Nodes.key(tuple.getKeyNode());
            if (key == null) {
                error(new Location(at.path(), line, at.depth()),
                        "a key must be a plain name, found " + Nodes.describe(tuple.getKeyNode()));
                continue;
            }
            Location keyAt = at.child(key, line);
            Integer firstLine = firstLines.putIfAbsent(key, line);
            if (firstLine != null) {
                error(keyAt, "set twice, first on line " + firstLine + "; keep one");
                continue;
            }
            entries.add(new Entry(key, keyAt, tuple.getValueNode()));
        }
        return entries;
    }

    /** Error messages name the variable and never its value: the value is often a secret. */
    private String substituteEnv(String text, Location at) {
        Matcher reference = ENV_REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        boolean resolved = true;
        while (reference.find()) {
            String name = reference.group(1);
            if (!ENV_NAME.matcher(name).matches()) {
                error(at, "'" + reference.group() + "' does not name an environment variable:"
                        + " use letters, digits and '_', not starting with a digit");
                resolved = false;
                continue;
            }
            String value = env.apply(name);
            if (value == null) {
                error(at, "environment variable " + name + " is not set");
                resolved = false;
                continue;
            }
            reference.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        reference.appendTail(result);
        return resolved ? result.toString() : null;
    }
}
