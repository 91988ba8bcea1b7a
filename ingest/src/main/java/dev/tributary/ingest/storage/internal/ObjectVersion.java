package dev.tributary.ingest.storage.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of an object as a listing shows it. Two listings saw the same version when the ETags are equal:
 * {@code lastModified} is kept for the events and the ids, never compared, since some stores report it in whole
 * seconds and an overwrite within that second would go unnoticed.
 *
 * @param etag         the entity tag without quotes (for a file, the hex MD5 of its content, as S3 gives for a
 *                     single-part upload)
 * @param size         bytes
 * @param lastModified when the store last wrote it
 */
public record ObjectVersion(String etag, long size, Instant lastModified) {

    public ObjectVersion {
        Objects.requireNonNull(etag, "etag of an object version");
        Objects.requireNonNull(lastModified, "lastModified of an object version");
    }

    /** S3 quotes ETags in listings and headers; notifications and checkpoints hold them bare. */
    public static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        String bare = etag.strip();
        if (bare.startsWith("W/")) {
            bare = bare.substring(2);
        }
        return bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")
                ? bare.substring(1, bare.length() - 1) : bare;
    }
}
