package dev.tributary.connectors.storage.internal;

import dev.tributary.connectors.internal.Setting;
import dev.tributary.connectors.internal.SinkConfig;
import dev.tributary.connectors.internal.ValueType;
import dev.tributary.connectors.internal.ValueTypes;
import dev.tributary.connectors.storage.ObjectFormat;
import dev.tributary.sdk.FunctionConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of an object storage sink, defined once: read from the function's {@code config} map, checked, and
 * rendered into the reference.
 *
 * @param functionName    the function's name, for messages
 * @param endpoint        the store's URL; empty for AWS S3 in {@code region}
 * @param region          the region requests are signed for
 * @param bucket          the bucket objects are written to
 * @param prefix          what object names start with, without a leading or trailing {@code /}; may be empty
 * @param accessKeyId     the access key id requests are signed with
 * @param secretAccessKey its secret
 * @param sessionToken    the session token of temporary credentials, if any
 * @param pathStyleAccess whether the bucket goes into the path rather than the host name
 * @param format          how events are written into an object
 * @param maxRecords      the most events in one object
 * @param maxBytes        the most bytes in one object, unless a single event is larger
 * @param maxAge          how long a batch may wait for more events after its first
 * @param timeout         how long writing one object may take
 */
public record StorageSettings(String functionName, Optional<URI> endpoint, String region, String bucket, String prefix,
                              String accessKeyId, String secretAccessKey, Optional<String> sessionToken,
                              boolean pathStyleAccess, ObjectFormat format, int maxRecords, long maxBytes,
                              Duration maxAge, Duration timeout) {

    /** Room left for the rest of a name under S3's limit of 1,024 bytes per key (topic, partition, offsets). */
    static final int MAX_PREFIX_BYTES = 512;

    /** S3's rules for bucket names: 3 to 63 lower-case letters, digits, dots and hyphens, a letter or digit at ends. */
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern REGION_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    public static final Setting<URI> ENDPOINT = Setting.optional("endpoint",
            ValueTypes.httpUrl("http://minio.internal:9000"),
            "The store's URL, for S3-compatible stores such as MinIO, Ceph or Garage. Without it, AWS S3 in `region`.");
    public static final Setting<String> REGION = Setting.withDefault("region",
            ValueTypes.of("string", "a region such as eu-central-1; S3-compatible stores take most names",
                    StorageSettings::regionName), "us-east-1",
            "The region requests are signed for, and with AWS S3 the region of the bucket.");
    public static final Setting<String> BUCKET = Setting.required("bucket", bucketName(),
            "The bucket objects are written to. It must exist: the sink checks at start and never creates it.");
    public static final Setting<String> PREFIX = Setting.optional("prefix", prefixText(),
            "What object names start with, such as `archive/telemetry`; a `/` separates it from the rest of the name.");
    public static final Setting<String> ACCESS_KEY_ID = Setting.required("accessKeyId",
            ValueTypes.text("an access key id; take it from the environment"),
            "The access key id requests are signed with; write `${env:NAME}`.");
    public static final Setting<String> SECRET_ACCESS_KEY = Setting.required("secretAccessKey",
            ValueTypes.secret("a secret access key; take it from the environment"),
            "Its secret access key; write `${env:NAME}` rather than the key itself.");
    public static final Setting<String> SESSION_TOKEN = Setting.optional("sessionToken",
            ValueTypes.secret("a session token; take it from the environment"),
            "The session token of temporary credentials; without it, the keys are long-term ones.");
    public static final Setting<Boolean> PATH_STYLE_ACCESS = Setting.withDefault("pathStyleAccess", ValueTypes.flag(),
            true, "Puts the bucket into the path (`http://host/bucket/key`), as S3-compatible stores need; `false` puts"
                    + " it into the host name (`http://bucket.host/key`), as AWS S3 prefers.");
    public static final Setting<ObjectFormat> FORMAT = Setting.withDefault("format",
            ValueTypes.choice(ObjectFormat.class), ObjectFormat.JSONL,
            "`jsonl`: one CloudEvent in JSON per line, in offset order (`.jsonl`, `application/x-ndjson`).");
    public static final Setting<Integer> MAX_RECORDS = Setting.withDefault("maxRecords", ValueTypes.integer(1, 10_000),
            100, "The most events in one object; a batch of that many is written at once. A batch holds only events in"
                    + " flight, so give the subscription a `concurrency` of at least this times the partitions of a"
                    + " process.");
    public static final Setting<Long> MAX_BYTES = Setting.withDefault("maxBytes",
            ValueTypes.byteSize(1024, 1024L * 1024 * 1024), 8L * 1024 * 1024,
            "The most bytes in one object; an event that would take a batch past it starts the next one. A single event"
                    + " larger than this is written alone.");
    public static final Setting<Duration> MAX_AGE = Setting.withDefault("maxAge",
            ValueTypes.duration(Duration.ofMillis(10), Duration.ofHours(1)), Duration.ofSeconds(5),
            "How long a batch waits for more events after its first; then it is written however small. Keep it and"
                    + " `timeout` together below the subscription's `timeout`.");
    public static final Setting<Duration> TIMEOUT = Setting.withDefault("timeout",
            ValueTypes.duration(Duration.ofMillis(100), Duration.ofMinutes(5)), Duration.ofSeconds(10),
            "How long writing one object may take, the client's own retries included; then the batch fails and its"
                    + " events are retried.");

    /** Every setting, in the reference's order. */
    public static final List<Setting<?>> ALL = List.of(ENDPOINT, REGION, BUCKET, PREFIX,
            ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, PATH_STYLE_ACCESS, FORMAT, MAX_RECORDS, MAX_BYTES,
            MAX_AGE, TIMEOUT);

    /**
     * Reads and checks the settings.
     *
     * @throws IllegalArgumentException naming the setting and what is allowed
     */
    public static StorageSettings read(FunctionConfig config) {
        SinkConfig sink = SinkConfig.of(config, "ObjectStorageSink", ALL);
        String secret = sink.get(SECRET_ACCESS_KEY);
        if (secret.isBlank()) {
            throw sink.invalid(SECRET_ACCESS_KEY.name(), "is empty; " + SECRET_ACCESS_KEY.type().allowed()
                    + " (is the environment variable set?)");
        }
        return new StorageSettings(config.functionName(), sink.find(ENDPOINT), sink.get(REGION),
                sink.get(BUCKET), sink.find(PREFIX).orElse(""), sink.get(ACCESS_KEY_ID), secret,
                sink.find(SESSION_TOKEN).filter(token -> !token.isEmpty()), sink.get(PATH_STYLE_ACCESS),
                sink.get(FORMAT), sink.get(MAX_RECORDS), sink.get(MAX_BYTES), sink.get(MAX_AGE), sink.get(TIMEOUT));
    }

    /** The path of {@code key} in {@code tributary.yaml}, for checks made against the store. */
    public String path(String key) {
        return SinkConfig.path(functionName, key);
    }

    /** Where objects go, for messages: {@code s3://bucket/prefix/ at http://host:port}, without credentials. */
    public String destination() {
        return "s3://" + bucket + "/" + (prefix.isEmpty() ? "" : prefix + "/")
                + endpoint.map(url -> " at " + url.getScheme() + "://" + url.getHost()
                        + (url.getPort() < 0 ? "" : ":" + url.getPort())).orElse(" in " + region);
    }

    /** The settings without the secret and the session token. */
    @Override
    public String toString() {
        return "StorageSettings[function=" + functionName + ", destination=" + destination() + ", accessKeyId="
                + accessKeyId + ", pathStyleAccess=" + pathStyleAccess + ", format=" + format + ", maxRecords="
                + maxRecords + ", maxBytes=" + maxBytes + ", maxAge=" + maxAge + ", timeout=" + timeout + "]";
    }

    private static String regionName(Object value) {
        String region = ValueTypes.scalar(value).strip();
        if (!REGION_NAME.matcher(region).matches()) {
            throw new IllegalArgumentException("'" + region + "' is not a region name such as eu-central-1");
        }
        return region;
    }

    private static ValueType<String> bucketName() {
        String allowed = "3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or"
                + " digit";
        return ValueTypes.of("string", allowed, value -> {
            String bucket = ValueTypes.scalar(value).strip();
            if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")
                    || IP_ADDRESS.matcher(bucket).matches()) {
                throw new IllegalArgumentException("'" + bucket + "' is not a bucket name: use " + allowed
                        + ", such as telemetry-archive");
            }
            return bucket;
        });
    }

    private static ValueType<String> prefixText() {
        String allowed = "text without control characters, at most " + MAX_PREFIX_BYTES + " bytes; leading and"
                + " trailing / are dropped";
        return ValueTypes.of("string", allowed, value -> {
            String prefix = ValueTypes.scalar(value).strip();
            while (prefix.startsWith("/")) {
                prefix = prefix.substring(1);
            }
            while (prefix.endsWith("/")) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
            if (prefix.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("has a control character; use " + allowed);
            }
            if (prefix.getBytes(StandardCharsets.UTF_8).length > MAX_PREFIX_BYTES) {
                throw new IllegalArgumentException("is longer than " + MAX_PREFIX_BYTES + " bytes, which would leave"
                        + " too little of S3's 1,024 bytes per key for the rest of the name");
            }
            return prefix;
        });
    }
}
