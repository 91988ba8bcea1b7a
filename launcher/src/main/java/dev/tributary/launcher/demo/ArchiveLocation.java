package dev.tributary.launcher.demo;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the demo archives the window summaries.
 *
 * @param endpoint  the S3 store's URL
 * @param bucket    the bucket
 * @param prefix    what the objects' names start with, before a {@code /}
 * @param directory where the store keeps the bucket's objects as files
 */
public record ArchiveLocation(URI endpoint, String bucket, String prefix, Path directory) {

    /** The objects as an S3 URL, such as {@code s3://iot-aggregates/telemetry-1m/}. */
    public String url() {
        return "s3://" + bucket + "/" + prefix + "/";
    }
}
