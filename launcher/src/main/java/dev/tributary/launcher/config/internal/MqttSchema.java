package dev.tributary.launcher.config.internal;

import dev.tributary.ingest.mqtt.MqttAuthMode;
import dev.tributary.ingest.mqtt.MqttBridgeSettings;
import dev.tributary.ingest.mqtt.MqttCredentials;
import dev.tributary.ingest.mqtt.MqttDirectSettings;
import dev.tributary.ingest.mqtt.MqttMapping;
import dev.tributary.ingest.mqtt.MqttTls;
import dev.tributary.ingest.mqtt.MqttUser;
import dev.tributary.ingest.mqtt.PayloadCodec;
import dev.tributary.launcher.config.MqttIngestSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The settings of {@code ingest.mqtt}: topic mappings, the direct endpoint for devices, and the bridge. */
final class MqttSchema {

    private MqttSchema() {
    }

    private static final ValueType<String> TOPIC_NAME = Types.matching(
            Pattern.compile("(?!\\.{1,2}$)[a-zA-Z0-9._-]{1,249}"), "is not a valid Kafka topic name",
            "letters, digits, '.', '_' and '-', at most 249 characters");

    // mappings[]

    static final Setting<String> FILTER = Setting.required("filter", Types.string(),
            "An MQTT topic filter: `+` matches one level, `#` the rest, e.g. `devices/+/telemetry`.");
    static final Setting<String> TOPIC = Setting.required("topic", TOPIC_NAME, "The Kafka topic of the events.");
    static final Setting<String> KEY = Setting.optional("key", Types.string(),
            "The record key: `{1}` is the level the filter's first wildcard matched (the device id in"
                    + " `devices/+/telemetry`), `{2}` the second; literal text around them is kept. None by default.");
    static final Setting<PayloadCodec> CODEC = Setting.withDefault("codec", payloadCodec(), PayloadCodec.BYTES,
            "`bytes`: as sent. `json`: must be JSON. `telemetry-avro`: JSON checked and converted to the Avro"
                    + " `DeviceTelemetry` record through the schema registry.");
    static final Setting<String> TYPE = Setting.withDefault("type", Types.string(), MqttMapping.DEFAULT_TYPE,
            "The CloudEvents type of the events.");
    static final Setting<String> INVALID_TOPIC = Setting.optional("invalidTopic", TOPIC_NAME,
            "Where payloads the codec finds malformed go, with the reason; `<topic>.invalid` by default.");
    static final Section<MqttMapping> MAPPING = Section.of("mapping",
            "Where messages go: the first mapping whose filter matches a message's MQTT topic.",
            MqttSchema::mapping, FILTER, TOPIC, KEY, CODEC, TYPE, INVALID_TOPIC);
    static final Setting<List<MqttMapping>> MAPPINGS = Setting.required("mappings",
            MAPPING.list((items, context) -> { }), MAPPING.doc());

    // direct.users[] and direct.tls

    static final Setting<String> USERNAME = Setting.required("username", Types.string(), "The MQTT username.");
    static final Setting<String> PASSWORD = Setting.required("password", Types.secret(),
            "The password, at least " + MqttUser.MIN_PASSWORD_LENGTH + " characters. Write it as `${env:NAME}`.");
    static final Setting<List<String>> PUBLISH = Setting.required("publish", Types.listOf(Types.string(), true),
            "The topic filters the user may publish to, such as `devices/pump-7/#`.");
    static final Section<MqttUser> USER = Section.of("MQTT user", "A device account and where it may publish.",
            values -> new MqttUser(values.get(USERNAME), values.get(PASSWORD), values.get(PUBLISH)),
            USERNAME, PASSWORD, PUBLISH);
    static final Setting<Path> KEY_STORE = Setting.required("keyStore", Types.path(),
            "A PKCS#12 (.p12, .pfx) or JKS keystore with the server's certificate and key.");
    static final Setting<String> KEY_STORE_PASSWORD = Setting.required("keyStorePassword", Types.secret(),
            "Its password. Write it as `${env:NAME}`.");
    static final Section<MqttTls> TLS = Section.of("TLS", "The server certificate: devices connect over TLS.",
            values -> new MqttTls(values.get(KEY_STORE), values.get(KEY_STORE_PASSWORD)),
            KEY_STORE, KEY_STORE_PASSWORD);

    // direct

    static final Setting<String> HOST = Setting.withDefault("host", Types.string(), MqttDirectSettings.DEFAULT_HOST,
            "The address to bind; `0.0.0.0` for devices on other machines.");
    static final Setting<Integer> PORT = Setting.withDefault("port", Types.integer(0, 65_535),
            MqttDirectSettings.DEFAULT_PORT, "The port (8883 is usual with TLS); 0 for any free port.");
    static final Setting<MqttAuthMode> AUTH = Setting.withDefault("auth", Types.oneOf(MqttAuthMode.class),
            MqttAuthMode.NONE, "`none`: any device may connect. `password`: the `users` only.");
    static final Setting<List<MqttUser>> USERS = Setting.withDefault("users", USER.list((items, context) -> { }),
            List.of(), USER.doc());
    static final Setting<MqttTls> TLS_SETTING = Setting.optional("tls", TLS, TLS.doc());
    static final Section<MqttDirectSettings> DIRECT = Section.of("MQTT endpoint",
            "Tributary's own MQTT endpoint (3.1.1 and 5): PUBACK only once Kafka has the message.",
            MqttSchema::direct, HOST, PORT, AUTH, USERS, TLS_SETTING, MAPPINGS);

    // bridge

    static final Setting<String> URL = Setting.withDefault("url", Types.string(), MqttBridgeSettings.DEFAULT_URL,
            "The broker, `mqtt://host:port` or `mqtts://host:port`.");
    static final Setting<String> CLIENT_ID = Setting.required("clientId", Types.string(),
            "This replica's MQTT client id, stable across restarts so its session survives, such as"
                    + " `${env:HOSTNAME}` in a StatefulSet.");
    static final Setting<String> GROUP = Setting.withDefault("group", Types.string(), MqttBridgeSettings.DEFAULT_GROUP,
            "The shared subscription group (`$share/<group>/<filter>`): replicas split the messages.");
    static final Setting<String> BRIDGE_USERNAME = Setting.optional("username", Types.string(),
            "The broker username; anonymous without one.");
    static final Setting<String> BRIDGE_PASSWORD = Setting.optional("password", Types.secret(),
            "The broker password. Write it as `${env:NAME}`.");
    static final Setting<Integer> QOS = Setting.withDefault("qos", Types.integer(1, 2), MqttBridgeSettings.DEFAULT_QOS,
            "The QoS of the subscriptions.");
    static final Section<MqttBridgeSettings> BRIDGE = Section.of("MQTT bridge",
            "A subscription to an existing MQTT 5 broker, each message acknowledged only once Kafka has it.",
            MqttSchema::bridge, URL, CLIENT_ID, GROUP, BRIDGE_USERNAME, BRIDGE_PASSWORD, QOS, MAPPINGS)
            .checkedBy(MqttSchema::checkCredentials);

    static final Setting<MqttDirectSettings> DIRECT_SETTING = Setting.optional("direct", DIRECT, DIRECT.doc());
    static final Setting<MqttBridgeSettings> BRIDGE_SETTING = Setting.optional("bridge", BRIDGE, BRIDGE.doc());
    static final Section<MqttIngestSettings> MQTT = Section.of("MQTT ingest",
            "Device messages over MQTT: a direct endpoint, a bridge to a broker, or both.",
            values -> new MqttIngestSettings(values.find(DIRECT_SETTING), values.find(BRIDGE_SETTING)),
            DIRECT_SETTING, BRIDGE_SETTING);

    private static MqttMapping mapping(Values values) {
        MqttMapping mapping = MqttMapping.of(values.get(FILTER), values.get(TOPIC)).withCodec(values.get(CODEC))
                .withType(values.get(TYPE));
        mapping = values.find(KEY).map(mapping::withKey).orElse(mapping.withoutKey());
        return values.find(INVALID_TOPIC).map(mapping::withInvalidTopic).orElse(mapping);
    }

    private static MqttDirectSettings direct(Values values) {
        MqttDirectSettings.Builder builder = MqttDirectSettings.builder().host(values.get(HOST)).port(values.get(PORT))
                .auth(values.get(AUTH)).users(values.get(USERS)).mappings(values.get(MAPPINGS));
        values.find(TLS_SETTING).ifPresent(builder::tls);
        return builder.build();
    }

    private static MqttBridgeSettings bridge(Values values) {
        MqttBridgeSettings.Builder builder = MqttBridgeSettings.builder().url(values.get(URL))
                .clientId(values.get(CLIENT_ID)).group(values.get(GROUP)).qos(values.get(QOS))
                .mappings(values.get(MAPPINGS));
        Optional<String> username = values.find(BRIDGE_USERNAME);
        username.ifPresent(user -> builder.credentials(new MqttCredentials(user, values.get(BRIDGE_PASSWORD))));
        return builder.build();
    }

    private static void checkCredentials(Values bridge, ReadContext context) {
        if (bridge.isSet(BRIDGE_USERNAME) != bridge.isSet(BRIDGE_PASSWORD)) {
            context.error(bridge.at(bridge.isSet(BRIDGE_USERNAME) ? BRIDGE_USERNAME : BRIDGE_PASSWORD),
                    "username and password go together; set both, or neither for an anonymous connection");
        }
    }

    private static ValueType<PayloadCodec> payloadCodec() {
        return new ValueType<>() {
            @Override
            public String name() {
                return "string";
            }

            @Override
            public String allowed() {
                return "bytes, json, telemetry-avro";
            }

            @Override
            public PayloadCodec read(org.yaml.snakeyaml.nodes.Node node, Location at, ReadContext context) {
                String text = Types.string().read(node, at, context);
                if (text == null) {
                    return null;
                }
                try {
                    return PayloadCodec.parse(text);
                } catch (IllegalArgumentException e) {
                    context.error(at, "'" + text + "' is not one of bytes, json, telemetry-avro");
                    return null;
                }
            }

            @Override
            public String format(PayloadCodec value) {
                return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            }
        };
    }
}
