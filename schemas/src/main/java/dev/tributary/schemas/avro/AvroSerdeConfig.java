package dev.tributary.schemas.avro;

import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.registry.RegistryCredentials;
import dev.tributary.schemas.registry.RetryPolicy;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import dev.tributary.schemas.registry.SchemaRegistrySettings;
import dev.tributary.schemas.registry.SubjectNameStrategy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings of {@link AvroSerializer} and {@link AvroDeserializer}, declared once in {@link #configDef()}
 * (name, type, default, allowed values, documentation). Names follow Confluent's serializers where a setting
 * exists there, so existing producer and consumer configurations carry over.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String CACHE_CAPACITY = "schema.registry.cache.capacity";

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.STRING, "", Importance.HIGH,
                    "The schema registry's base URL, such as http://localhost:8081, or for Apicurio"
                            + " http://localhost:8080/apis/ccompat/v7. Required unless the serde is constructed"
                            + " with a client.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Whether the serializer registers a record's schema under its subject. When false it only"
                            + " looks the schema up, and fails on one that is not registered: use false in"
                            + " production so that schemas are registered by a reviewed deployment step.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TOPIC_NAME.configName(),
                    new StrategyValidator(), Importance.MEDIUM,
                    "How the subject of key schemas is named: TopicNameStrategy (<topic>-key),"
                            + " RecordNameStrategy (the record's full name) or TopicRecordNameStrategy"
                            + " (<topic>-<full name>). Confluent's class names are accepted too.")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TOPIC_NAME.configName(),
                    new StrategyValidator(), Importance.MEDIUM,
                    "How the subject of value schemas is named: TopicNameStrategy (<topic>-value),"
                            + " RecordNameStrategy or TopicRecordNameStrategy.")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Whether the deserializer returns generated classes (SpecificRecord), found by the writer"
                            + " schema's full name and read with the class's schema, instead of GenericRecord.")
            .define(SPECIFIC_AVRO_KEY_TYPE, Type.CLASS, null, Importance.LOW,
                    "The generated class keys are read into, whatever the writer schema's name; implies"
                            + " specific.avro.reader for keys.")
            .define(SPECIFIC_AVRO_VALUE_TYPE, Type.CLASS, null, Importance.LOW,
                    "The generated class values are read into, whatever the writer schema's name; implies"
                            + " specific.avro.reader for values.")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
                    "Basic authentication to the registry as user:password.")
            .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM,
                    "A bearer token for the registry; not together with basic.auth.user.info.")
            .define(MAX_RETRIES, Type.INT, RetryPolicy.DEFAULT_MAX_RETRIES, ConfigDef.Range.atLeast(0),
                    Importance.LOW, "How often a registry request without an answer or with a 5xx answer is"
                            + " repeated; 4xx answers never are.")
            .define(RETRIES_WAIT_MS, Type.LONG, RetryPolicy.DEFAULT_INITIAL_BACKOFF.toMillis(),
                    ConfigDef.Range.atLeast(0), Importance.LOW,
                    "The wait before the first retry; it doubles for each further retry.")
            .define(RETRIES_MAX_WAIT_MS, Type.LONG, RetryPolicy.DEFAULT_MAX_BACKOFF.toMillis(),
                    ConfigDef.Range.atLeast(0), Importance.LOW,
                    "The longest wait before any retry; at least retries.wait.ms.")
            .define(HTTP_CONNECT_TIMEOUT_MS, Type.LONG, SchemaRegistrySettings.DEFAULT_CONNECT_TIMEOUT.toMillis(),
                    ConfigDef.Range.atLeast(1), Importance.LOW, "The longest wait for a connection to the registry.")
            .define(HTTP_READ_TIMEOUT_MS, Type.LONG, SchemaRegistrySettings.DEFAULT_REQUEST_TIMEOUT.toMillis(),
                    ConfigDef.Range.atLeast(1), Importance.LOW,
                    "The longest wait for the registry's answer to one attempt of a request.")
            .define(CACHE_CAPACITY, Type.INT, SchemaRegistrySettings.DEFAULT_CACHE_CAPACITY,
                    ConfigDef.Range.atLeast(1), Importance.LOW,
                    "The most entries each of the client's caches holds (schemas by id; ids by subject and"
                            + " schema); the least recently used entry goes first.");

    public AvroSerdeConfig(Map<String, ?> configs) {
        // No logging of the values: a producer's whole configuration passes through here.
        super(CONFIG, configs, false);
        if (getPassword(BASIC_AUTH_USER_INFO) != null && getPassword(BEARER_AUTH_TOKEN) != null) {
            throw new ConfigException(BASIC_AUTH_USER_INFO + " and " + BEARER_AUTH_TOKEN
                    + " are both set: set the one the registry expects");
        }
        if (getLong(RETRIES_MAX_WAIT_MS) < getLong(RETRIES_WAIT_MS)) {
            throw new ConfigException(RETRIES_MAX_WAIT_MS, getLong(RETRIES_MAX_WAIT_MS),
                    "must be at least " + RETRIES_WAIT_MS + " (" + getLong(RETRIES_WAIT_MS) + ")");
        }
    }

    /** Every setting, for validation and for the generated configuration reference. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return SubjectNameStrategy.parse(getString(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY));
    }

    boolean specificReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    /** The configured generated class for keys or values, or null. */
    Class<?> specificType(boolean isKey) {
        return getClass(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE);
    }

    /** A new client for {@link #SCHEMA_REGISTRY_URL}; the caller closes it. */
    SchemaRegistryClient createClient() {
        String url = getString(SCHEMA_REGISTRY_URL).trim();
        if (url.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required: set it to the registry's base URL,"
                    + " such as http://localhost:8081");
        }
        SchemaRegistrySettings settings;
        try {
            settings = SchemaRegistrySettings.of(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + ": " + e.getMessage());
        }
        return new HttpSchemaRegistryClient(settings
                .withCredentials(credentials())
                .withCacheCapacity(getInt(CACHE_CAPACITY))
                .withRetry(new RetryPolicy(getInt(MAX_RETRIES), Duration.ofMillis(getLong(RETRIES_WAIT_MS)),
                        Duration.ofMillis(getLong(RETRIES_MAX_WAIT_MS))))
                .withTimeouts(Duration.ofMillis(getLong(HTTP_CONNECT_TIMEOUT_MS)),
                        Duration.ofMillis(getLong(HTTP_READ_TIMEOUT_MS))));
    }

    private RegistryCredentials credentials() {
        Password basic = getPassword(BASIC_AUTH_USER_INFO);
        Password bearer = getPassword(BEARER_AUTH_TOKEN);
        try {
            return basic != null ? RegistryCredentials.basicUserInfo(basic.value(), BASIC_AUTH_USER_INFO)
                    : bearer != null ? RegistryCredentials.bearer(bearer.value())
                    : RegistryCredentials.none();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static final class StrategyValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                SubjectNameStrategy.parse((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name + ": " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return Arrays.stream(SubjectNameStrategy.values())
                    .map(SubjectNameStrategy::configName)
                    .collect(Collectors.joining(", "));
        }
    }
}
