package dev.tributary.launcher.config.internal;

import dev.tributary.launcher.config.FunctionCode;
import dev.tributary.launcher.config.FunctionSettings;
import dev.tributary.launcher.config.IngestSettings;
import dev.tributary.launcher.config.KafkaSettings;
import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.dispatcher.OrderingMode;
import dev.tributary.dispatcher.RetryPolicy;
import dev.tributary.launcher.config.OutputSettings;
import dev.tributary.launcher.config.RegistrySettings;
import dev.tributary.launcher.config.StartFrom;
import dev.tributary.launcher.config.SubscribeSettings;
import dev.tributary.launcher.config.TopicSelection;
import dev.tributary.launcher.config.TributaryConfig;
import dev.tributary.schemas.filter.EventFilter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every setting of {@code tributary.yaml}, defined once, and the checks across settings. Reading, validation and
 * docs/configuration.md all come from here. A new section is a few settings, a {@link Section} that builds its
 * record, and one more setting in {@link #ROOT}.
 */
public final class ConfigSchema {

    private ConfigSchema() {
    }

    private static final ValueType<String> TOPIC_NAME = Types.matching(
            Pattern.compile("(?!\\.{1,2}$)[a-zA-Z0-9._-]{1,249}"), "is not a valid Kafka topic name",
            "letters, digits, '.', '_' and '-', at most 249 characters");

    // kafka

    static final Setting<String> BOOTSTRAP_SERVERS = Setting.optional("bootstrapServers", Types.hostPorts(),
            "The Kafka cluster. Leave it out under `tributary dev` to use the embedded broker.");
    static final Setting<Map<String, String>> KAFKA_PROPERTIES = Setting.withDefault("properties", Types.stringMap(),
            Map.of(), "Kafka client settings given to every consumer, producer and admin client, such as"
                    + " `security.protocol` or `sasl.jaas.config`.");
    static final Section<KafkaSettings> KAFKA = Section.of("kafka", "How Tributary reaches Kafka.",
            values -> new KafkaSettings(values.find(BOOTSTRAP_SERVERS), values.get(KAFKA_PROPERTIES)),
            BOOTSTRAP_SERVERS, KAFKA_PROPERTIES);

    // registry

    static final Setting<URI> REGISTRY_URL = Setting.required("url", Types.httpUrl(),
            "The base URL of the registry's Confluent-compatible API.");
    static final Section<RegistrySettings> REGISTRY = Section.of("registry",
            "The schema registry for Avro data. Leave the section out under `tributary dev` to use the embedded"
                    + " registry.",
            values -> new RegistrySettings(values.get(REGISTRY_URL)),
            REGISTRY_URL);

    // functions[].subscribe

    static final Setting<List<String>> TOPICS = Setting.optional("topics", Types.listOf(TOPIC_NAME, true),
            "The topics to consume. Set `topics` or `pattern`, not both.");
    static final Setting<Pattern> PATTERN = Setting.optional("pattern", Types.regex(),
            "Consume every topic whose whole name matches, including topics created later.");
    static final Setting<EventFilter> FILTER = Setting.withDefault("filter", new FilterType(), EventFilter.ALL,
            "The events to invoke the function with; the others are skipped.");
    static final Setting<OrderingMode> ORDERING = Setting.withDefault("ordering", Types.oneOf(OrderingMode.class),
            OrderingMode.KEY, "`partition`: one record in flight per partition. `key`: one per key, keys of a partition"
                    + " in parallel, null keys in partition order. `unordered`: no order.");
    static final Setting<Integer> CONCURRENCY = Setting.withDefault("concurrency", Types.integer(1, 10_000), 16,
            "The cap: the most invocations of this function in flight at once in this process.");
    static final Setting<Integer> MIN_CONCURRENCY = Setting.withDefault("minConcurrency", Types.integer(1, 10_000), 1,
            "The floor of the adaptive concurrency limit. The limit starts at `concurrency`, backs off when the"
                    + " function is overloaded (HTTP 429 or 503, an `OverloadedException`, a timeout) or its latency"
                    + " rises, and grows back while records wait. Set it to `concurrency` for a fixed concurrency.");
    static final Setting<StartFrom> START_FROM = Setting.withDefault("startFrom", Types.oneOf(StartFrom.class),
            StartFrom.LATEST, "Where a new function's consumer group starts: the oldest record kept, or the"
                    + " records written from now on.");
    static final Setting<String> GROUP = Setting.withComputedDefault("group", Types.string(), defaultGroup("<name>"),
            "The Kafka consumer group, shared by every process that runs the function.");
    static final Setting<Duration> TIMEOUT = Setting.withDefault("timeout",
            Types.duration(Duration.ofMillis(1), Duration.ofHours(1)), FailureSettings.DEFAULT.timeout(),
            "How long one invocation may run; a late one is abandoned, its outputs dropped, and retried.");
    static final Setting<String> DEAD_LETTER_TOPIC = Setting.optional("deadLetterTopic", TOPIC_NAME,
            "Where records go after the last attempt, at once when not retryable, or when they are not valid events."
                    + " Default `<source topic>.<function>.dlt`, created with the source's partition count.");

    // functions[].subscribe.retry

    static final Setting<Integer> MAX_ATTEMPTS = Setting.withDefault("maxAttempts", Types.integer(1, 1_000),
            RetryPolicy.DEFAULT.maxAttempts(), "Attempts in all, the first included; 1 means no retry.");
    static final Setting<Duration> INITIAL_BACKOFF = Setting.withDefault("initialBackoff",
            Types.duration(Duration.ZERO, Duration.ofHours(1)), RetryPolicy.DEFAULT.initialBackoff(),
            "The wait after the first failure.");
    static final Setting<Duration> MAX_BACKOFF = Setting.withDefault("maxBackoff",
            Types.duration(Duration.ZERO, Duration.ofHours(1)), RetryPolicy.DEFAULT.maxBackoff(),
            "The longest wait between attempts.");
    static final Setting<Double> MULTIPLIER = Setting.withDefault("multiplier", Types.decimal(1, 10),
            RetryPolicy.DEFAULT.multiplier(), "How much longer each wait is than the one before.");
    static final Setting<Double> JITTER = Setting.withDefault("jitter", Types.decimal(0, 1),
            RetryPolicy.DEFAULT.jitter(), "The largest fraction taken off a wait at random, so that keys that"
                    + " failed together do not retry together.");
    static final Section<RetryPolicy> RETRY = Section.of("retry policy",
            "How a retryable failure (an exception, a timeout) is retried, in place: only its key waits in `key`"
                    + " mode, its partition in `partition` mode.",
            values -> new RetryPolicy(values.get(MAX_ATTEMPTS), values.get(INITIAL_BACKOFF), values.get(MAX_BACKOFF),
                    values.get(MULTIPLIER), values.get(JITTER)),
            MAX_ATTEMPTS, INITIAL_BACKOFF, MAX_BACKOFF, MULTIPLIER, JITTER)
            .checkedBy(ConfigSchema::checkBackoffs);
    static final Setting<RetryPolicy> RETRY_SETTING = Setting.withDefault("retry", RETRY, RETRY.defaults(), RETRY.doc());

    /** Builds to its values: the default group needs the function's name, one level up. */
    static final Section<Values> SUBSCRIBE = Section.of("subscription", "What a function consumes and how.",
            values -> values,
            TOPICS, PATTERN, FILTER, ORDERING, CONCURRENCY, MIN_CONCURRENCY, START_FROM, GROUP, TIMEOUT,
            RETRY_SETTING, DEAD_LETTER_TOPIC)
            .checkedBy(ConfigSchema::checkSubscription);

    // functions[].output

    static final Setting<String> OUTPUT_TOPIC = Setting.required("topic", TOPIC_NAME,
            "The topic that receives the events the function returns.");
    static final Section<OutputSettings> OUTPUT = Section.of("output",
            "Where a function's results go. Leave it out when it returns none.",
            values -> new OutputSettings(values.get(OUTPUT_TOPIC)),
            OUTPUT_TOPIC);

    // functions[]

    static final Setting<String> NAME = Setting.required("name", Types.matching(Pattern.compile("[a-z0-9][a-z0-9-]*"),
            "is not a valid function name", "lower-case letters, digits and '-', starting with a letter or digit"),
            "Unique in the file; names the function in metrics and logs.");
    private static final ValueType<String> CLASS_NAME = Types.matching(
            Pattern.compile("(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*\\.)*"
                    + "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"),
            "is not a Java class name", "a fully qualified class name such as com.example.Forward");
    static final Setting<String> HANDLER = Setting.optional("handler", CLASS_NAME,
            "The class that implements the function with the SDK. Set one of `handler`, `url` and `stream`.");
    static final Setting<String> STREAM = Setting.optional("stream", CLASS_NAME,
            "A stateful step written with the Kafka Streams DSL (`StreamFunction`): windows, aggregations, joins,"
                    + " exactly once, its state under the data directory. Reads `subscribe.topics`, writes"
                    + " `output.topic`.");
    static final Setting<URI> URL = Setting.optional("url", Types.httpUrl(),
            "A function in any language behind this URL, called with the CloudEvents HTTP binding (binary mode).");
    static final Setting<String> SIGNING_SECRET = Setting.optional("signingSecret", Types.secret(),
            "With `url`: a secret to sign each request's body with (HMAC-SHA256, header `X-Tributary-Signature`)."
                    + " Write it as `${env:NAME}`, never in the file.");
    static final Setting<Path> JAR = Setting.optional("jar", Types.path(),
            "The jar that holds the handler and its dependencies, loaded in a class loader of its own."
                    + " Leave it out when the handler is on the launcher's class path.");
    static final Setting<Map<String, Object>> CONFIG = Setting.withDefault("config", Types.freeMap(), Map.of(),
            "Handed as it is to the function's `open()`; strings may use `${env:NAME}`.");
    static final Setting<Values> SUBSCRIBE_SETTING = Setting.required("subscribe", SUBSCRIBE, SUBSCRIBE.doc());
    static final Setting<OutputSettings> OUTPUT_SETTING = Setting.optional("output", OUTPUT, OUTPUT.doc());
    static final Section<FunctionSettings> FUNCTION = Section.of("function", "A function to run.",
            ConfigSchema::function,
            NAME, HANDLER, STREAM, JAR, URL, SIGNING_SECRET, CONFIG, SUBSCRIBE_SETTING, OUTPUT_SETTING)
            .checkedBy(ConfigSchema::checkCode);

    // the file

    static final Setting<KafkaSettings> KAFKA_SETTING = Setting.withDefault("kafka", KAFKA, KAFKA.defaults(),
            KAFKA.doc());
    static final Setting<RegistrySettings> REGISTRY_SETTING = Setting.optional("registry", REGISTRY, REGISTRY.doc());
    static final Setting<List<FunctionSettings>> FUNCTIONS = Setting.withDefault("functions",
            FUNCTION.list(ConfigSchema::checkUniqueNames), List.of(), "The functions to run.");

    static final Setting<IngestSettings> INGEST_SETTING = Setting.withDefault("ingest", IngestSchema.INGEST,
            IngestSchema.INGEST.defaults(), IngestSchema.INGEST.doc());

    /** The whole file. */
    public static final Section<TributaryConfig> ROOT = Section.of("file", "The sections of the file.",
            values -> new TributaryConfig(values.get(KAFKA_SETTING), values.find(REGISTRY_SETTING),
                    values.get(FUNCTIONS), values.get(INGEST_SETTING)),
            KAFKA_SETTING, REGISTRY_SETTING, FUNCTIONS, INGEST_SETTING);

    private static FunctionSettings function(Values function) {
        String name = function.get(NAME);
        FunctionCode code = function.find(URL)
                .<FunctionCode>map(url -> new FunctionCode.Remote(url, function.find(SIGNING_SECRET)))
                .or(() -> function.find(STREAM).map(stream -> new FunctionCode.Stream(stream, function.find(JAR))))
                .orElseGet(() -> new FunctionCode.InProcess(function.get(HANDLER), function.find(JAR)));
        return new FunctionSettings(name, code, function.get(CONFIG),
                subscription(function.get(SUBSCRIBE_SETTING), name), function.find(OUTPUT_SETTING));
    }

    private static SubscribeSettings subscription(Values subscribe, String functionName) {
        TopicSelection topics = subscribe.find(TOPICS)
                .<TopicSelection>map(TopicSelection.Listed::new)
                .orElseGet(() -> new TopicSelection.Matching(subscribe.get(PATTERN)));
        return new SubscribeSettings(topics, subscribe.get(FILTER), subscribe.get(ORDERING),
                subscribe.get(CONCURRENCY), subscribe.get(MIN_CONCURRENCY), subscribe.get(START_FROM),
                subscribe.find(GROUP).orElse(defaultGroup(functionName)),
                new FailureSettings(subscribe.get(TIMEOUT), subscribe.get(RETRY_SETTING), subscribe.find(DEAD_LETTER_TOPIC)));
    }

    private static String defaultGroup(String functionName) {
        return "tributary." + functionName;
    }

    // Checks across settings: each runs once the settings it compares have been read, valid or not.

    private static void checkSubscription(Values subscribe, ReadContext context) {
        checkTopicsOrPattern(subscribe, context);
        checkConcurrency(subscribe, context);
    }

    private static void checkConcurrency(Values subscribe, ReadContext context) {
        if (subscribe.isSet(MIN_CONCURRENCY)) {
            int min = subscribe.get(MIN_CONCURRENCY);
            int cap = subscribe.get(CONCURRENCY);
            if (min > cap) {
                context.error(subscribe.at(MIN_CONCURRENCY), "minConcurrency " + min + " is above concurrency " + cap
                        + "; the floor cannot exceed the cap (equal means a fixed concurrency)");
            }
        }
    }

    private static void checkTopicsOrPattern(Values subscribe, ReadContext context) {
        boolean topics = subscribe.isSet(TOPICS);
        boolean pattern = subscribe.isSet(PATTERN);
        if (topics && pattern) {
            context.error(subscribe.at(PATTERN), "set topics or pattern, not both");
        } else if (!topics && !pattern) {
            context.error(subscribe.at(), "set topics (a list of topic names) or pattern (a regular expression)");
        }
    }

    private static void checkCode(Values function, ReadContext context) {
        boolean handler = function.isSet(HANDLER);
        boolean url = function.isSet(URL);
        boolean stream = function.isSet(STREAM);
        int kinds = (handler ? 1 : 0) + (url ? 1 : 0) + (stream ? 1 : 0);
        if (kinds > 1) {
            context.error(function.at(url ? URL : STREAM), "set one of handler, url and stream, not several");
        } else if (kinds == 0) {
            context.error(function.at(), "set handler (a Java class written with the SDK), url (a function behind"
                    + " HTTP) or stream (a Kafka Streams step)");
        }
        if (function.isSet(JAR) && url) {
            context.error(function.at(JAR), "jar goes with handler or stream; a function behind a url has no jar");
        }
        if (stream) {
            function.find(SUBSCRIBE_SETTING).ifPresent(subscribe -> checkStreamSubscription(subscribe, context));
        }
        if (function.isSet(SIGNING_SECRET) && !url) {
            context.error(function.at(SIGNING_SECRET), "signingSecret goes with url");
        }
    }

    /** A stream function is Kafka Streams' to schedule: the dispatcher's settings would silently do nothing. */
    private static void checkStreamSubscription(Values subscribe, ReadContext context) {
        for (Setting<?> dispatcherOnly : List.of(PATTERN, FILTER, ORDERING, CONCURRENCY, MIN_CONCURRENCY, GROUP,
                TIMEOUT, RETRY_SETTING, DEAD_LETTER_TOPIC)) {
            if (subscribe.isSet(dispatcherOnly)) {
                context.error(subscribe.at(dispatcherOnly), dispatcherOnly.name() + " does not apply to a stream"
                        + " function, which Kafka Streams runs exactly once; remove it");
            }
        }
    }

    private static void checkBackoffs(Values retry, ReadContext context) {
        if (retry.isSet(INITIAL_BACKOFF) || retry.isSet(MAX_BACKOFF)) {
            Duration initial = retry.find(INITIAL_BACKOFF).orElse(RetryPolicy.DEFAULT.initialBackoff());
            Duration max = retry.find(MAX_BACKOFF).orElse(RetryPolicy.DEFAULT.maxBackoff());
            if (initial.compareTo(max) > 0) {
                context.error(retry.at(retry.isSet(MAX_BACKOFF) ? MAX_BACKOFF : INITIAL_BACKOFF),
                        "initialBackoff " + Types.format(initial) + " is longer than maxBackoff " + Types.format(max)
                                + "; the first wait cannot exceed the longest");
            }
        }
    }

    private static void checkUniqueNames(List<Values> functions, ReadContext context) {
        Map<String, Values> byName = new HashMap<>();
        for (Values function : functions) {
            function.find(NAME).ifPresent(name -> {
                Values first = byName.putIfAbsent(name, function);
                if (first != null) {
                    context.error(function.at(NAME), "'" + name + "' is already the name of " + first.at().path()
                            + " (line " + first.at(NAME).line() + "); function names must be unique");
                }
            });
        }
    }
}
