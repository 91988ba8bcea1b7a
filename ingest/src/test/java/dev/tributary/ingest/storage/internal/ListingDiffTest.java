package dev.tributary.ingest.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.schemas.StorageEventKind;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ListingDiffTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void comparesByKeyAndEtagListingCreatedAndUpdatedBeforeDeleted() {
        SortedMap<String, ObjectVersion> before = new TreeMap<>();
        before.put("a", new ObjectVersion("1", 1, T0));
        before.put("b", new ObjectVersion("1", 1, T0));
        before.put("c", new ObjectVersion("1", 1, T0));
        SortedMap<String, ObjectVersion> after = new TreeMap<>();
        after.put("b", new ObjectVersion("2", 1, T0));
        after.put("c", new ObjectVersion("1", 1, T0.plusSeconds(9)));
        after.put("d", new ObjectVersion("1", 1, T0));

        assertThat(ListingDiff.between(before, after)).containsExactly(
                new Change("b", StorageEventKind.UPDATED, new ObjectVersion("2", 1, T0)),
                new Change("d", StorageEventKind.CREATED, new ObjectVersion("1", 1, T0)),
                new Change("a", StorageEventKind.DELETED, new ObjectVersion("1", 1, T0)));
    }

    @Test
    void etagsAreComparedWithoutTheQuotesS3PutAroundThem() {
        assertThat(ObjectVersion.unquote("\"9b2cf535f27731c974343645a3985328\""))
                .isEqualTo("9b2cf535f27731c974343645a3985328");
        assertThat(ObjectVersion.unquote("W/\"abc-2\"")).isEqualTo("abc-2");
        assertThat(ObjectVersion.unquote("abc")).isEqualTo("abc");
    }
}
