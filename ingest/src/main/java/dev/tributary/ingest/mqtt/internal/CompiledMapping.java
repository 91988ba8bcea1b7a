package dev.tributary.ingest.mqtt.internal;

import dev.tributary.ingest.mqtt.MqttMapping;
import dev.tributary.ingest.mqtt.MqttMetrics;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A mapping ready for messages: its parsed filter and key template, its codec and its meters. */
public final class CompiledMapping {

    private final MqttMapping mapping;
    private final TopicFilter filter;
    private final Optional<KeyTemplate> key;
    private final PayloadConverter converter;
    private final MqttMetrics.MappingMeters meters;

    public CompiledMapping(MqttMapping mapping, PayloadConverter converter, MqttMetrics.MappingMeters meters) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.filter = TopicFilter.parse(mapping.filter());
        this.key = mapping.key().map(template -> KeyTemplate.parse(template, filter.wildcards()));
        this.converter = Objects.requireNonNull(converter, "converter");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    public TopicFilter filter() {
        return filter;
    }

    /** The record key for a topic whose wildcards matched {@code levels}; empty when the mapping sets none. */
    public Optional<String> key(List<String> levels) {
        return key.map(template -> template.render(levels));
    }

    public Optional<String> keyTemplate() {
        return mapping.key();
    }

    public String topic() {
        return mapping.topic();
    }

    public String invalidTopic() {
        return mapping.invalidTopic();
    }

    public String type() {
        return mapping.type();
    }

    public PayloadConverter converter() {
        return converter;
    }

    public MqttMetrics.MappingMeters meters() {
        return meters;
    }

    @Override
    public String toString() {
        return filter + " -> " + mapping.topic();
    }
}
