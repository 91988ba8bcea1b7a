package dev.tributary.ingest.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointRecordsTest {

    private final CheckpointRecords records = new CheckpointRecords("invoices", "acme", "2025/");

    @Test
    void aKeyNamesThePollerTheBucketThePrefixAndTheObject() {
        byte[] key = records.key("2025/03/report \"final\".pdf");

        assertThat(new String(key, StandardCharsets.UTF_8))
                .isEqualTo("[\"invoices\",\"acme\",\"2025/\",\"2025/03/report \\\"final\\\".pdf\"]");
        assertThat(records.objectKey(key)).contains("2025/03/report \"final\".pdf");
    }

    @Test
    void recordsOfAnotherScopeOrNotOfACheckpointAreNotThisPollers() {
        assertThat(records.objectKey(new CheckpointRecords("invoices", "acme", "2024/").key("x"))).isEmpty();
        assertThat(records.objectKey(new CheckpointRecords("other", "acme", "2025/").key("x"))).isEmpty();
        assertThat(records.objectKey("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(records.objectKey(null)).isEmpty();
    }

    @Test
    void aValueHoldsTheVersion() {
        ObjectVersion version = new ObjectVersion("9b2c", 48_213, Instant.parse("2025-03-01T12:00:00Z"));

        assertThat(records.version(records.value(version))).isEqualTo(version);
        assertThatThrownBy(() -> records.version("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a checkpoint value");
    }
}
