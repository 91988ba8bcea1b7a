package dev.tributary.ingest.storage;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.internal.SettingChecks;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A poller of an S3-compatible bucket that sends no notifications: it lists the bucket every interval and publishes
 * an event for each object created, changed (another ETag) or deleted since the last listing.
 *
 * @param name            the source's name: events have source {@code /tributary/storage/<name>}, and the name is
 *                        part of the checkpoint's key; letters, digits, {@code .}, {@code _} and {@code -}
 * @param topic           the Kafka topic the events go to
 * @param bucket          the bucket to list
 * @param prefix          only keys that start with it are watched; empty (the default) for the whole bucket
 * @param endpoint        the store's URL, such as {@code http://minio:9000}; empty for AWS S3 itself
 * @param region          the region requests are signed for, {@value #DEFAULT_REGION} by default; S3-compatible
 *                        stores usually accept any
 * @param credentials     the keys to sign with
 * @param pathStyleAccess whether the bucket goes into the path ({@code http://host/bucket/key}) rather than the host
 *                        name; true by default, as most S3-compatible stores need it
 * @param interval        the pause between the end of one listing and the start of the next,
 *                        {@link #DEFAULT_INTERVAL} by default; each listing costs a request per
 *                        {@code pageSize} objects
 * @param checkpointTopic the compacted topic that holds what the last listing saw, per object;
 *                        {@value #DEFAULT_CHECKPOINT_TOPIC} by default, created when missing; pollers may share it
 * @param pageSize        objects per ListObjectsV2 request, 1 to 1000, {@value #DEFAULT_PAGE_SIZE} by default
 */
public record StoragePollingSettings(String name, String topic, String bucket, String prefix, Optional<URI> endpoint,
                                     String region, S3Credentials credentials, boolean pathStyleAccess,
                                     Duration interval, String checkpointTopic, int pageSize) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    public static final String DEFAULT_CHECKPOINT_TOPIC = "tributary.storage.checkpoints";
    public static final int DEFAULT_PAGE_SIZE = 1000;

    public StoragePollingSettings {
        SettingChecks.plainName("name", name, "storage source", "each event's source, /tributary/storage/<name>");
        SettingChecks.topic("topic", topic);
        SettingChecks.notBlank("bucket", bucket, "the name of the bucket to poll");
        SettingChecks.required("prefix", prefix, "a key prefix, empty for the whole bucket");
        SettingChecks.required("endpoint", endpoint, "the store's URL, or Optional.empty() for AWS S3");
        endpoint.ifPresent(StoragePollingSettings::requireHttpUrl);
        SettingChecks.notBlank("region", region, "a region such as " + DEFAULT_REGION);
        SettingChecks.required("credentials", credentials, "the access key id and secret access key to sign with");
        SettingChecks.atLeast("interval", interval, MIN_INTERVAL,
                "poll at most every " + MIN_INTERVAL.toMillis() + " ms; every listing is a request per page");
        SettingChecks.topic("checkpointTopic", checkpointTopic);
        if (checkpointTopic.equals(topic)) {
            throw new SettingsException("checkpointTopic", "'" + checkpointTopic + "' is also the events' "
                    + "topic: give the checkpoints a compacted topic of their own, e.g. " + DEFAULT_CHECKPOINT_TOPIC);
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new SettingsException("pageSize", pageSize + " is out of range: use 1 to 1000 (S3 returns "
                    + "at most 1000 keys per request)");
        }
    }

    /** Polls all of {@code bucket} on AWS S3 every {@link #DEFAULT_INTERVAL}, with the other defaults. */
    public static StoragePollingSettings of(String name, String topic, String bucket, S3Credentials credentials) {
        return new StoragePollingSettings(name, topic, bucket, "", Optional.empty(), DEFAULT_REGION, credentials, true,
                DEFAULT_INTERVAL, DEFAULT_CHECKPOINT_TOPIC, DEFAULT_PAGE_SIZE);
    }

    public StoragePollingSettings withPrefix(String prefix) {
        return new StoragePollingSettings(name, topic, bucket, prefix, endpoint, region, credentials, pathStyleAccess,
                interval, checkpointTopic, pageSize);
    }

    public StoragePollingSettings withEndpoint(URI endpoint) {
        return new StoragePollingSettings(name, topic, bucket, prefix, Optional.ofNullable(endpoint), region,
                credentials, pathStyleAccess, interval, checkpointTopic, pageSize);
    }

    public StoragePollingSettings withRegion(String region) {
        return new StoragePollingSettings(name, topic, bucket, prefix, endpoint, region, credentials, pathStyleAccess,
                interval, checkpointTopic, pageSize);
    }

    public StoragePollingSettings withPathStyleAccess(boolean pathStyleAccess) {
        return new StoragePollingSettings(name, topic, bucket, prefix, endpoint, region, credentials, pathStyleAccess,
                interval, checkpointTopic, pageSize);
    }

    public StoragePollingSettings withInterval(Duration interval) {
        return new StoragePollingSettings(name, topic, bucket, prefix, endpoint, region, credentials, pathStyleAccess,
                interval, checkpointTopic, pageSize);
    }

    public StoragePollingSettings withCheckpointTopic(String checkpointTopic) {
        return new StoragePollingSettings(name, topic, bucket, prefix, endpoint, region, credentials, pathStyleAccess,
                interval, checkpointTopic, pageSize);
    }

    public StoragePollingSettings withPageSize(int pageSize) {
        return new StoragePollingSettings(name, topic, bucket, prefix, endpoint, region, credentials, pathStyleAccess,
                interval, checkpointTopic, pageSize);
    }

    private static void requireHttpUrl(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
            throw new SettingsException("endpoint", "'" + endpoint + "' is not an http or https URL; give "
                    + "the store's base URL, e.g. http://minio:9000");
        }
    }
}
