package dev.tributary.launcher.config.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.cron.CronSchedule;
import dev.tributary.ingest.cron.CronSettings;
import dev.tributary.ingest.cron.MisfirePolicy;
import dev.tributary.ingest.http.ApiKey;
import dev.tributary.ingest.http.AuthMode;
import dev.tributary.ingest.http.EventRoute;
import dev.tributary.ingest.http.HttpIngestSettings;
import dev.tributary.ingest.http.WebhookRoute;
import dev.tributary.ingest.http.WebhookSignature;
import dev.tributary.ingest.publish.PublisherSettings;
import dev.tributary.ingest.storage.DedupSettings;
import dev.tributary.ingest.storage.DirectoryWatchSettings;
import dev.tributary.ingest.storage.S3Credentials;
import dev.tributary.ingest.storage.StoragePollingSettings;
import dev.tributary.ingest.storage.StorageWebhookSettings;
import dev.tributary.launcher.config.IngestSettings;
import dev.tributary.launcher.config.MqttIngestSettings;
import dev.tributary.launcher.config.StorageIngestSettings;
import dev.tributary.schemas.filter.EventFilter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of the {@code ingest} section: the shared publisher, the HTTP adapter, the cron schedules and the
 * object-storage sources.
 */
final class IngestSchema {

    private IngestSchema() {
    }

    private static final ValueType<String> TOPIC_NAME = Types.matching(
            Pattern.compile("(?!\\.{1,2}$)[a-zA-Z0-9._-]{1,249}"), "is not a valid Kafka topic name",
            "letters, digits, '.', '_' and '-', at most 249 characters");
    private static final ValueType<String> NAME = Types.matching(Pattern.compile("[A-Za-z0-9._-]{1,200}"),
            "is not a valid name", "letters, digits, '.', '_' and '-'");
    private static final ValueType<String> JSON_POINTER = Types.matching(Pattern.compile("(/([^~/]|~[01])*)+"),
            "is not a JSON Pointer", "a JSON Pointer such as /device/id");
    private static final ValueType<String> HEADER_NAME = Types.matching(Pattern.compile("[A-Za-z0-9-]{1,100}"),
            "is not an HTTP header name", "letters, digits and '-'");

    // ingest.http.apiKeys[]

    static final Setting<String> KEY_NAME = Setting.required("name", NAME,
            "Who holds the key, for logs; the key itself is never logged.");
    static final Setting<String> KEY = Setting.required("key", Types.secret(),
            "The key a client sends as `Authorization: Bearer <key>` or `X-Api-Key`; at least "
                    + ApiKey.MIN_LENGTH + " characters. Write it as `${env:NAME}`.");
    static final Setting<List<String>> KEY_TOPICS = Setting.required("topics", Types.listOf(TOPIC_NAME, true),
            "The topics the key may write, through any route.");
    static final Section<ApiKey> API_KEY = Section.of("API key", "A client key and the topics it may write.",
            values -> new ApiKey(values.get(KEY_NAME), values.get(KEY), new LinkedHashSet<>(values.get(KEY_TOPICS))),
            KEY_NAME, KEY, KEY_TOPICS);

    // ingest.http.routes[]

    static final Setting<EventFilter> MATCH = Setting.required("match", new FilterType(),
            "Which CloudEvents take this route, in the subscriptions' filter syntax.");
    static final Setting<String> ROUTE_TOPIC = Setting.required("topic", TOPIC_NAME, "Where they are written.");
    static final Section<EventRoute> ROUTE = Section.of("route",
            "Where `POST /events` writes a CloudEvent: the first route whose filter matches it.",
            values -> new EventRoute(values.get(MATCH), values.get(ROUTE_TOPIC)),
            MATCH, ROUTE_TOPIC);

    // ingest.http.webhooks[]

    /** How a webhook's sender signs its requests. */
    enum SignatureStyle {
        /** GitHub's {@code X-Hub-Signature-256: sha256=<hex>}. */
        GITHUB,
        /** A header whose whole value is the hex HMAC-SHA256 of the body. */
        HEX
    }

    static final Setting<String> WEBHOOK_NAME = Setting.required("name", NAME,
            "The last path segment of `POST /webhooks/{name}`.");
    static final Setting<String> WEBHOOK_TOPIC = Setting.required("topic", TOPIC_NAME, "Where the events go.");
    static final Setting<String> EVENT_TYPE = Setting.required("eventType", Types.string(),
            "The CloudEvents type of the events, such as `com.github.push`.");
    static final Setting<SignatureStyle> SIGNATURE = Setting.withDefault("signature",
            Types.oneOf(SignatureStyle.class), SignatureStyle.GITHUB,
            "`github`: `X-Hub-Signature-256: sha256=<hex>`. `hex`: the hex HMAC-SHA256 of the body in"
                    + " `signatureHeader`.");
    static final Setting<String> SIGNATURE_HEADER = Setting.optional("signatureHeader", HEADER_NAME,
            "With `signature: hex`: the header that carries the signature.");
    static final Setting<String> WEBHOOK_SECRET = Setting.required("secret", Types.secret(),
            "The secret shared with the sender, for HMAC-SHA256. Write it as `${env:NAME}`.");
    static final Setting<String> ID_HEADER = Setting.optional("idHeader", HEADER_NAME,
            "A request header whose value becomes the event id, such as `X-GitHub-Delivery`; else a random id.");
    static final Setting<String> WEBHOOK_KEY_POINTER = Setting.optional("keyPointer", JSON_POINTER,
            "A JSON Pointer into the body whose value becomes the record key.");
    static final Section<WebhookRoute> WEBHOOK = Section.of("webhook",
            "A signed webhook endpoint, `POST /webhooks/{name}`; a request without a valid signature is 401.",
            IngestSchema::webhook,
            WEBHOOK_NAME, WEBHOOK_TOPIC, EVENT_TYPE, SIGNATURE, SIGNATURE_HEADER, WEBHOOK_SECRET, ID_HEADER,
            WEBHOOK_KEY_POINTER)
            .checkedBy(IngestSchema::checkSignatureHeader);

    // ingest.http

    static final Setting<String> HOST = Setting.withDefault("host", Types.string(), HttpIngestSettings.DEFAULT_HOST,
            "The address to bind; `0.0.0.0` to accept connections from other machines.");
    static final Setting<Integer> PORT = Setting.withDefault("port", Types.integer(0, 65_535),
            HttpIngestSettings.DEFAULT_PORT, "The port; 0 for any free port.");
    static final Setting<Integer> MAX_BODY_SIZE = Setting.withDefault("maxBodySize",
            Types.integer(1, 64 * 1024 * 1024), HttpIngestSettings.DEFAULT_MAX_BODY_SIZE,
            "The largest request body in bytes; a larger one is 413.");
    static final Setting<AuthMode> AUTH = Setting.withDefault("auth", Types.oneOf(AuthMode.class), AuthMode.API_KEY,
            "`api-key`: every request needs a key from `apiKeys`. `none`: anyone may post, for development only"
                    + " (a warning at start says so).");
    static final Setting<List<ApiKey>> API_KEYS = Setting.withDefault("apiKeys", API_KEY.list((items, context) -> { }),
            List.of(), API_KEY.doc());
    static final Setting<List<EventRoute>> ROUTES = Setting.withDefault("routes", ROUTE.list((items, context) -> { }),
            List.of(), ROUTE.doc());
    static final Setting<String> DEFAULT_TOPIC = Setting.optional("defaultTopic", TOPIC_NAME,
            "Where a CloudEvent that matches no route goes; without it such an event is 400.");
    static final Setting<List<String>> TOPICS = Setting.withDefault("topics", Types.listOf(TOPIC_NAME, false),
            List.of(), "The topics open to `POST /topics/{topic}` for plain JSON or bytes.");
    static final Setting<String> KEY_POINTER = Setting.optional("keyPointer", JSON_POINTER,
            "A JSON Pointer into an event's JSON data whose value becomes the record key when the event has no"
                    + " `partitionkey`.");
    static final Setting<List<WebhookRoute>> WEBHOOKS = Setting.withDefault("webhooks",
            WEBHOOK.list(IngestSchema::checkUniqueWebhooks), List.of(), WEBHOOK.doc());
    static final Section<HttpIngestSettings> HTTP = Section.of("HTTP ingest",
            "The HTTP adapter: CloudEvents at `POST /events`, plain data at `POST /topics/{topic}`, signed webhooks"
                    + " at `POST /webhooks/{name}`; 202 once Kafka has the event.",
            IngestSchema::http,
            HOST, PORT, MAX_BODY_SIZE, AUTH, API_KEYS, ROUTES, DEFAULT_TOPIC, TOPICS, KEY_POINTER, WEBHOOKS)
            .checkedBy(IngestSchema::checkAuth);

    // ingest.cron.schedules[]

    static final Setting<String> SCHEDULE_NAME = Setting.required("name", NAME,
            "Unique among the schedules; the record key of its ticks.");
    static final Setting<String> EXPRESSION = Setting.required("expression", cronExpression(),
            "5-field UNIX (`30 2 * * 1-5`) or 6/7-field Quartz with seconds (`0/10 * * * * ?`).");
    static final Setting<ZoneId> TIME_ZONE = Setting.withDefault("timeZone", zone(), CronSchedule.DEFAULT_ZONE,
            "The time zone the expression is read in, such as `Europe/Berlin`.");
    static final Setting<String> SCHEDULE_TOPIC = Setting.required("topic", TOPIC_NAME, "Where the ticks go.");
    static final Setting<Map<String, Object>> DATA = Setting.withDefault("data", Types.freeMap(), Map.of(),
            "Copied into every tick's data as its `data` member.");
    static final Setting<MisfirePolicy> MISFIRE = Setting.withDefault("misfire", Types.oneOf(MisfirePolicy.class),
            CronSchedule.DEFAULT_MISFIRE_POLICY, "What to do with fire times missed while no replica ran:"
                    + " `fire-once` (one catch-up tick), `skip`, or `fire-all` (bounded by `catchUpLimit`).");
    static final Section<CronSchedule> SCHEDULE = Section.of("schedule", "A cron schedule whose ticks are events.",
            IngestSchema::schedule,
            SCHEDULE_NAME, EXPRESSION, TIME_ZONE, SCHEDULE_TOPIC, DATA, MISFIRE);

    // ingest.cron

    static final Setting<List<CronSchedule>> SCHEDULES = Setting.required("schedules",
            SCHEDULE.list(IngestSchema::checkUniqueSchedules), SCHEDULE.doc());
    static final Setting<String> COORDINATION_TOPIC = Setting.withDefault("coordinationTopic", TOPIC_NAME,
            CronSettings.DEFAULT_COORDINATION_TOPIC, "The compacted topic where the leader keeps each schedule's"
                    + " last fire time; created if missing.");
    static final Setting<String> CRON_GROUP = Setting.withDefault("group", Types.string(),
            CronSettings.DEFAULT_GROUP_ID, "The consumer group whose member owning the coordination topic fires"
                    + " the ticks: one tick per fire time however many replicas run.");
    static final Setting<Integer> CATCH_UP_LIMIT = Setting.withDefault("catchUpLimit",
            Types.integer(1, CronSettings.MAX_CATCH_UP_LIMIT), CronSettings.DEFAULT_CATCH_UP_LIMIT,
            "The most ticks a schedule fires at once when several fire times are due.");
    static final Section<CronSettings> CRON = Section.of("cron ingest",
            "Schedules that publish a tick event per fire time, exactly once across replicas.",
            values -> new CronSettings(values.get(SCHEDULES), values.get(COORDINATION_TOPIC), values.get(CRON_GROUP),
                    CronSettings.DEFAULT_MISFIRE_GRACE, values.get(CATCH_UP_LIMIT)),
            SCHEDULES, COORDINATION_TOPIC, CRON_GROUP, CATCH_UP_LIMIT);

    // ingest.storage

    static final Setting<String> SOURCE_NAME = Setting.required("name", NAME,
            "The source's name: events have source `/tributary/storage/<name>`.");
    static final Setting<String> SOURCE_TOPIC = Setting.required("topic", TOPIC_NAME, "Where the events go.");
    static final Setting<Duration> DEDUP_WINDOW = Setting.withDefault("dedupWindow",
            Types.duration(Duration.ZERO, Duration.ofDays(1)), DedupSettings.DEFAULT_WINDOW,
            "How long a notification is remembered to drop its redeliveries; 0s to keep every copy.");
    static final Section<StorageWebhookSettings> STORAGE_WEBHOOK = Section.of("storage webhook",
            "Bucket notifications (S3 or MinIO `Records[]` JSON) received by the HTTP adapter at"
                    + " `POST /storage/{name}`, behind its API keys.",
            values -> new StorageWebhookSettings(values.get(SOURCE_NAME), values.get(SOURCE_TOPIC),
                    values.get(DEDUP_WINDOW).isZero() ? DedupSettings.off()
                            : new DedupSettings(values.get(DEDUP_WINDOW), DedupSettings.DEFAULT_MAX_REMEMBERED),
                    StorageWebhookSettings.DEFAULT_RETRY_AFTER),
            SOURCE_NAME, SOURCE_TOPIC, DEDUP_WINDOW);

    static final Setting<String> BUCKET = Setting.required("bucket", Types.string(), "The bucket to list.");
    static final Setting<String> PREFIX = Setting.withDefault("prefix", Types.string(), "",
            "Only keys that start with it are watched.");
    static final Setting<URI> ENDPOINT = Setting.optional("endpoint", Types.httpUrl(),
            "The store's URL, such as `http://minio:9000`; leave it out for AWS S3.");
    static final Setting<String> REGION = Setting.withDefault("region", Types.string(),
            StoragePollingSettings.DEFAULT_REGION, "The region requests are signed for.");
    static final Setting<String> ACCESS_KEY_ID = Setting.required("accessKeyId", Types.secret(),
            "The access key id. Write it as `${env:NAME}`.");
    static final Setting<String> SECRET_ACCESS_KEY = Setting.required("secretAccessKey", Types.secret(),
            "The secret access key. Write it as `${env:NAME}`.");
    static final Setting<Duration> POLL_INTERVAL = Setting.withDefault("interval",
            Types.duration(StoragePollingSettings.MIN_INTERVAL, Duration.ofHours(24)),
            StoragePollingSettings.DEFAULT_INTERVAL, "The pause between two listings.");
    static final Setting<String> CHECKPOINT_TOPIC = Setting.withDefault("checkpointTopic", TOPIC_NAME,
            StoragePollingSettings.DEFAULT_CHECKPOINT_TOPIC, "The compacted topic that remembers what the last"
                    + " listing saw, so a restart neither repeats nor misses a change; created if missing.");
    static final Section<StoragePollingSettings> STORAGE_POLLING = Section.of("polled bucket",
            "A bucket listed on an interval (ListObjectsV2) for stores without notifications: created, changed"
                    + " (ETag) and deleted objects become events.",
            values -> new StoragePollingSettings(values.get(SOURCE_NAME), values.get(SOURCE_TOPIC),
                    values.get(BUCKET), values.get(PREFIX), values.find(ENDPOINT), values.get(REGION),
                    S3Credentials.of(values.get(ACCESS_KEY_ID), values.get(SECRET_ACCESS_KEY)), true,
                    values.get(POLL_INTERVAL), values.get(CHECKPOINT_TOPIC), StoragePollingSettings.DEFAULT_PAGE_SIZE),
            SOURCE_NAME, SOURCE_TOPIC, BUCKET, PREFIX, ENDPOINT, REGION, ACCESS_KEY_ID, SECRET_ACCESS_KEY,
            POLL_INTERVAL, CHECKPOINT_TOPIC);

    static final Setting<Path> DIRECTORY = Setting.required("path", Types.path(),
            "The directory to watch, relative to this file's folder; it must exist.");
    static final Setting<Duration> SCAN_INTERVAL = Setting.withDefault("interval",
            Types.duration(DirectoryWatchSettings.MIN_INTERVAL, Duration.ofHours(1)),
            DirectoryWatchSettings.DEFAULT_INTERVAL, "The pause between two scans.");
    static final Section<DirectoryWatchSettings> STORAGE_DIRECTORY = Section.of("watched directory",
            "A local directory for development: created, modified and deleted files become events.",
            values -> new DirectoryWatchSettings(values.get(SOURCE_NAME), values.get(SOURCE_TOPIC),
                    values.get(DIRECTORY), values.get(SCAN_INTERVAL), false),
            SOURCE_NAME, SOURCE_TOPIC, DIRECTORY, SCAN_INTERVAL);

    static final Setting<List<StorageWebhookSettings>> STORAGE_WEBHOOKS = Setting.withDefault("webhooks",
            STORAGE_WEBHOOK.list(IngestSchema::checkUniqueSources), List.of(), STORAGE_WEBHOOK.doc());
    static final Setting<List<StoragePollingSettings>> STORAGE_POLLINGS = Setting.withDefault("polling",
            STORAGE_POLLING.list(IngestSchema::checkUniqueSources), List.of(), STORAGE_POLLING.doc());
    static final Setting<List<DirectoryWatchSettings>> STORAGE_DIRECTORIES = Setting.withDefault("directories",
            STORAGE_DIRECTORY.list(IngestSchema::checkUniqueSources), List.of(), STORAGE_DIRECTORY.doc());
    static final Section<StorageIngestSettings> STORAGE = Section.of("storage ingest",
            "Object-storage events: bucket notifications, polled buckets and watched directories.",
            values -> new StorageIngestSettings(values.get(STORAGE_WEBHOOKS), values.get(STORAGE_POLLINGS),
                    values.get(STORAGE_DIRECTORIES)),
            STORAGE_WEBHOOKS, STORAGE_POLLINGS, STORAGE_DIRECTORIES);

    // ingest

    static final Setting<Duration> DELIVERY_TIMEOUT = Setting.withDefault("deliveryTimeout",
            Types.duration(Duration.ofMillis(500), Duration.ofMinutes(5)), PublisherSettings.DEFAULT_DELIVERY_TIMEOUT,
            "How long an event may wait for Kafka's acknowledgement before its client is told it failed.");
    static final Setting<Integer> MAX_IN_FLIGHT = Setting.withDefault("maxInFlightEvents",
            Types.integer(1, 1_000_000), PublisherSettings.DEFAULT_MAX_IN_FLIGHT_EVENTS,
            "The most events waiting for Kafka; beyond it clients are refused (HTTP 503) rather than buffered.");
    static final Setting<HttpIngestSettings> HTTP_SETTING = Setting.optional("http", HTTP, HTTP.doc());
    static final Setting<CronSettings> CRON_SETTING = Setting.optional("cron", CRON, CRON.doc());
    static final Setting<StorageIngestSettings> STORAGE_SETTING = Setting.optional("storage", STORAGE, STORAGE.doc());
    static final Setting<MqttIngestSettings> MQTT_SETTING = Setting.optional("mqtt", MqttSchema.MQTT,
            MqttSchema.MQTT.doc());
    static final Section<IngestSettings> INGEST = Section.of("ingest",
            "Adapters that publish events to Kafka, acknowledging their clients only once Kafka has them.",
            values -> new IngestSettings(values.get(DELIVERY_TIMEOUT), values.get(MAX_IN_FLIGHT),
                    values.find(HTTP_SETTING), values.find(CRON_SETTING), values.find(STORAGE_SETTING),
                    values.find(MQTT_SETTING)),
            DELIVERY_TIMEOUT, MAX_IN_FLIGHT, HTTP_SETTING, CRON_SETTING, STORAGE_SETTING, MQTT_SETTING)
            .checkedBy(IngestSchema::checkStorageWebhooksNeedHttp);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpIngestSettings http(Values http) {
        HttpIngestSettings.Builder builder = HttpIngestSettings.builder()
                .host(http.get(HOST)).port(http.get(PORT)).maxBodySize(http.get(MAX_BODY_SIZE)).auth(http.get(AUTH))
                .apiKeys(http.get(API_KEYS)).routes(http.get(ROUTES)).defaultTopic(http.find(DEFAULT_TOPIC).orElse(null))
                .topics(new LinkedHashSet<>(http.get(TOPICS))).webhooks(http.get(WEBHOOKS));
        http.find(KEY_POINTER).ifPresent(builder::keyPointer);
        return builder.build();
    }

    private static WebhookRoute webhook(Values webhook) {
        byte[] secret = webhook.get(WEBHOOK_SECRET).getBytes(StandardCharsets.UTF_8);
        WebhookSignature signature = webhook.get(SIGNATURE) == SignatureStyle.GITHUB
                ? WebhookSignature.github(secret)
                : WebhookSignature.hexDigest(webhook.find(SIGNATURE_HEADER).orElseThrow(), secret);
        return new WebhookRoute(webhook.get(WEBHOOK_NAME), webhook.get(WEBHOOK_TOPIC), signature,
                webhook.get(EVENT_TYPE), webhook.find(ID_HEADER), webhook.find(WEBHOOK_KEY_POINTER));
    }

    private static CronSchedule schedule(Values schedule) {
        Map<String, Object> data = schedule.get(DATA);
        try {
            return new CronSchedule(schedule.get(SCHEDULE_NAME), schedule.get(EXPRESSION), schedule.get(TIME_ZONE),
                    schedule.get(SCHEDULE_TOPIC), data.isEmpty() ? Optional.empty()
                            : Optional.of(JSON.writeValueAsString(data)), schedule.get(MISFIRE));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("data: " + e.getOriginalMessage());
        } catch (SettingsException e) {
            throw new IllegalArgumentException(e.path() + ": " + e.problem());
        }
    }

    /** Checked on its own line with the adapter's parser, rather than when the whole schedule is built. */
    private static ValueType<String> cronExpression() {
        return new ValueType<>() {
            @Override
            public String name() {
                return "cron expression";
            }

            @Override
            public String read(org.yaml.snakeyaml.nodes.Node node, Location at, ReadContext context) {
                String text = Types.string().read(node, at, context);
                if (text == null) {
                    return null;
                }
                try {
                    CronSchedule.of("check", text, "check");
                    return text;
                } catch (SettingsException e) {
                    context.error(at, e.problem());
                    return null;
                }
            }
        };
    }

    private static ValueType<ZoneId> zone() {
        return new ValueType<>() {
            @Override
            public String name() {
                return "time zone";
            }

            @Override
            public String allowed() {
                return "an IANA zone id such as Europe/Berlin, or UTC";
            }

            @Override
            public String format(ZoneId value) {
                return value.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : value.getId();
            }

            @Override
            public ZoneId read(org.yaml.snakeyaml.nodes.Node node, Location at, ReadContext context) {
                String text = Types.string().read(node, at, context);
                if (text == null) {
                    return null;
                }
                try {
                    return ZoneId.of(text);
                } catch (RuntimeException e) {
                    context.error(at, "'" + text + "' is not a time zone: use an IANA id such as Europe/Berlin,"
                            + " or UTC");
                    return null;
                }
            }
        };
    }

    // Checks across settings.

    private static void checkAuth(Values http, ReadContext context) {
        AuthMode auth = http.find(AUTH).orElse(AuthMode.API_KEY);
        if (auth == AuthMode.API_KEY && !http.isSet(API_KEYS)) {
            context.error(http.at(AUTH), "auth is api-key (the default) but apiKeys lists no key; add apiKeys with"
                    + " keys from ${env:NAME}, or set auth: none for development");
        }
        if (auth == AuthMode.NONE && http.isSet(API_KEYS)) {
            context.error(http.at(API_KEYS), "apiKeys has no effect with auth: none; remove it or use auth: api-key");
        }
    }

    private static void checkSignatureHeader(Values webhook, ReadContext context) {
        boolean hex = webhook.find(SIGNATURE).orElse(SignatureStyle.GITHUB) == SignatureStyle.HEX;
        if (hex && !webhook.isSet(SIGNATURE_HEADER)) {
            context.error(webhook.at(SIGNATURE), "signature: hex needs signatureHeader, the header that carries it");
        } else if (!hex && webhook.isSet(SIGNATURE_HEADER)) {
            context.error(webhook.at(SIGNATURE_HEADER), "signatureHeader goes with signature: hex; GitHub's style"
                    + " always uses " + WebhookSignature.GITHUB_HEADER);
        }
    }

    private static void checkStorageWebhooksNeedHttp(Values ingest, ReadContext context) {
        boolean webhooks = ingest.find(STORAGE_SETTING).map(storage -> !storage.webhooks().isEmpty()).orElse(false);
        if (webhooks && !ingest.isSet(HTTP_SETTING)) {
            context.error(ingest.at(STORAGE_SETTING), "storage.webhooks are served by the HTTP adapter at"
                    + " POST /storage/{name}; add an ingest.http section");
        }
    }

    private static void checkUniqueSources(List<Values> sources, ReadContext context) {
        unique(sources, SOURCE_NAME, "source", context);
    }

    private static void checkUniqueWebhooks(List<Values> webhooks, ReadContext context) {
        unique(webhooks, WEBHOOK_NAME, "webhook", context);
    }

    private static void checkUniqueSchedules(List<Values> schedules, ReadContext context) {
        unique(schedules, SCHEDULE_NAME, "schedule", context);
    }

    private static void unique(List<Values> items, Setting<String> name, String noun, ReadContext context) {
        Map<String, Values> byName = new HashMap<>();
        for (Values item : items) {
            item.find(name).ifPresent(value -> {
                Values first = byName.putIfAbsent(value, item);
                if (first != null) {
                    context.error(item.at(name), "'" + value + "' is already the name of " + first.at().path()
                            + " (line " + first.at(name).line() + "); " + noun + " names must be unique");
                }
            });
        }
    }
}
