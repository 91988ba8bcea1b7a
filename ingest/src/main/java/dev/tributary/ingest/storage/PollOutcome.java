package dev.tributary.ingest.storage;

/**
 * What one poll found and published.
 *
 * @param objects how many objects (or files) the listing held
 * @param created objects that were new, published as created
 * @param updated objects whose ETag (or content) changed, published as updated
 * @param deleted objects gone since the last listing, published as deleted
 */
public record PollOutcome(int objects, int created, int updated, int deleted) {

    /** The events published. */
    public int changes() {
        return created + updated + deleted;
    }
}
