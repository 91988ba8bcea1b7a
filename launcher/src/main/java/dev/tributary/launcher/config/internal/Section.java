package dev.tributary.launcher.config.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A mapping of named settings, such as {@code kafka} or a function's {@code subscribe}: reads each setting with
 * its type, reports unknown keys, keys set twice and missing required settings, runs the section's cross-field
 * check, and builds its part of the model when nothing inside was wrong.
 *
 * @param <T> the record the section becomes
 */
public final class Section<T> implements ValueType<T> {

    private final String noun;
    private final String doc;
    private final Map<String, Setting<?>> settings = new LinkedHashMap<>();
    private final Function<Values, T> build;
    private final BiConsumer<Values, ReadContext> check;

    private Section(String noun, String doc, Function<Values, T> build, BiConsumer<Values, ReadContext> check,
            List<Setting<?>> settings) {
        this.noun = Objects.requireNonNull(noun, "noun");
        this.doc = Objects.requireNonNull(doc, "doc of " + noun);
        this.build = Objects.requireNonNull(build, "build of " + noun);
        this.check = Objects.requireNonNull(check, "check of " + noun);
        for (Setting<?> setting : settings) {
            if (this.settings.put(setting.name(), setting) != null) {
                throw new IllegalArgumentException(noun + " defines " + setting.name() + " twice");
            }
        }
    }

    /**
     * @param noun  what one such mapping is, for the reference and for lists of them ({@code function})
     * @param build makes the model from valid values
     */
    public static <T> Section<T> of(String noun, String doc, Function<Values, T> build, Setting<?>... settings) {
        return new Section<>(noun, doc, build, (values, context) -> { }, List.of(settings));
    }

    /** This section with a check across its settings, run once each setting has been read. */
    public Section<T> checkedBy(BiConsumer<Values, ReadContext> crossFieldCheck) {
        return new Section<>(noun, doc, build, crossFieldCheck, List.copyOf(settings.values()));
    }

    /** A list of such mappings, with a check across the items (unique names, say). */
    public ValueType<List<T>> list(BiConsumer<List<Values>, ReadContext> crossItemCheck) {
        return new ListOf(Objects.requireNonNull(crossItemCheck, "crossItemCheck"));
    }

    public String doc() {
        return doc;
    }

    public List<Setting<?>> settings() {
        return List.copyOf(settings.values());
    }

    /** The model when the file leaves the whole section out: every setting at its default. */
    public T defaults() {
        Values none = new Values(Location.ROOT);
        none.markValid(true);
        return build.apply(none);
    }

    @Override
    public String name() {
        return "mapping";
    }

    @Override
    public String format(T value) {
        return "";
    }

    @Override
    public Optional<Section<?>> section() {
        return Optional.of(this);
    }

    @Override
    public T read(Node node, Location at, ReadContext context) {
        Values values = readValues(node, at, context);
        return values.valid() ? build(values, context) : null;
    }

    /**
     * The model of valid values. The records of the modules check themselves too; a rule of theirs that no
     * setting's type or cross-field check covers still becomes an error at this mapping's line, never a crash.
     */
    private T build(Values values, ReadContext context) {
        try {
            return build.apply(values);
        } catch (IllegalArgumentException e) {
            context.error(values.at(), e.getMessage());
            return null;
        }
    }

    private Values readValues(Node node, Location at, ReadContext context) {
        int errorsBefore = context.errorCount();
        Values values = new Values(at);
        if (!(node instanceof MappingNode mapping)) {
            context.expected(at, name(), node);
            values.markValid(false);
            return values;
        }
        for (ReadContext.Entry entry : context.entries(mapping, at)) {
            readEntry(entry, values, context);
        }
        for (Setting<?> setting : settings.values()) {
            if (setting.required() && !values.isSet(setting)) {
                context.error(values.at(setting), "required setting is missing");
            }
        }
        check.accept(values, context);
        values.markValid(context.errorCount() == errorsBefore);
        return values;
    }

    private void readEntry(ReadContext.Entry entry, Values values, ReadContext context) {
        Setting<?> setting = settings.get(entry.key());
        if (setting == null) {
            context.error(entry.at(), Suggestions.unknownKey(entry.key(), settings.keySet(), "setting"));
        } else if (!Nodes.isNull(entry.value())) {
            values.put(setting, entry.at(), setting.type().read(entry.value(), entry.at(), context));
        } else if (setting.required()) {
            values.put(setting, entry.at(), null);
            context.error(entry.at(), "required setting has no value");
        }
    }

    private final class ListOf implements ValueType<List<T>> {

        private final BiConsumer<List<Values>, ReadContext> check;

        ListOf(BiConsumer<List<Values>, ReadContext> check) {
            this.check = check;
        }

        @Override
        public String name() {
            return "list of " + noun + "s";
        }

        @Override
        public List<T> read(Node node, Location at, ReadContext context) {
            if (!(node instanceof SequenceNode sequence)) {
                context.expected(at, name(), node);
                return null;
            }
            int errorsBefore = context.errorCount();
            List<Values> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(readValues(item, at.element(items.size(), Nodes.line(item)), context));
            }
            check.accept(items, context);
            if (context.errorCount() != errorsBefore) {
                return null;
            }
            List<T> built = new ArrayList<>();
            for (Values item : items) {
                built.add(build(item, context));
            }
            return context.errorCount() == errorsBefore ? built : null;
        }

        @Override
        public String format(List<T> value) {
            return value.isEmpty() ? "[]" : value.toString();
        }

        @Override
        public Optional<Section<?>> section() {
            return Optional.of(Section.this);
        }
    }
}
