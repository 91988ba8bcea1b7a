package dev.tributary.ingest.mqtt;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.mqtt.internal.TopicFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The checks across the mappings of one adapter. */
final class MappingChecks {

    private MappingChecks() {
    }

    /** At least one mapping, no two with the same filter. */
    static void requireMappings(List<MqttMapping> mappings) {
        if (mappings.isEmpty()) {
            throw new SettingsException("mappings", "is empty; map at least one topic filter to a Kafka topic, "
                    + "e.g. filter devices/+/telemetry, topic telemetry, key {1}");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < mappings.size(); i++) {
            if (mappings.get(i) == null) {
                throw new SettingsException("mappings[" + i + "]", "is missing");
            }
            Integer earlier = seen.putIfAbsent(mappings.get(i).filter(), i);
            if (earlier != null) {
                throw new SettingsException("mappings[" + i + "].filter", "'" + mappings.get(i).filter()
                        + "' is also the filter of mappings[" + earlier + "], which takes all its messages; remove "
                        + "one of them");
            }
        }
    }

    /**
     * No two filters that a topic could match both: a broker delivers such a message once for each shared
     * subscription, so it would reach Kafka twice.
     */
    static void requireDisjoint(List<MqttMapping> mappings) {
        for (int i = 0; i < mappings.size(); i++) {
            TopicFilter filter = TopicFilter.parse(mappings.get(i).filter());
            for (int j = 0; j < i; j++) {
                if (filter.overlaps(TopicFilter.parse(mappings.get(j).filter()))) {
                    throw new SettingsException("mappings[" + i + "].filter", "'" + filter + "' overlaps '"
                            + mappings.get(j).filter() + "' of mappings[" + j + "]: the broker would deliver a "
                            + "message on a topic both match once for each, and it would reach Kafka twice; make "
                            + "the filters disjoint");
                }
            }
        }
    }
}
