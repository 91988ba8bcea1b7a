package dev.tributary.ingest.storage.internal;

import java.util.SortedMap;

/** Lists what a store holds now: a bucket (under a prefix) or a directory tree. */
public interface ObjectLister {

    /**
     * Every object, by key. A listing is complete or fails: a partial one would make the missing objects look
     * deleted.
     *
     * @throws dev.tributary.ingest.storage.StoragePollException when the store cannot be listed
     */
    SortedMap<String, ObjectVersion> list();

    /** What is listed, for messages: {@code s3://bucket/prefix} or a directory. */
    String describe();
}
