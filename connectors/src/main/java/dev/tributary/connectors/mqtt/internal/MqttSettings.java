package dev.tributary.connectors.mqtt.internal;

import dev.tributary.connectors.internal.Setting;
import dev.tributary.connectors.internal.SinkConfig;
import dev.tributary.connectors.internal.ValueTypes;
import dev.tributary.sdk.FunctionConfig;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The settings of an MQTT downlink sink, defined once: read from the function's {@code config} map, checked, and
 * rendered into the reference.
 *
 * @param functionName   the function's name, for messages
 * @param url            where the broker is
 * @param clientId       the client id the sink connects with
 * @param username       the user name to connect as, if any
 * @param password       its password, if any
 * @param topic          the topic each event is published to
 * @param qos            the quality of service of each publish: 0, 1 or 2
 * @param retain         whether the broker keeps the last message of each topic for later subscribers
 * @param userProperties the CloudEvent attributes sent as MQTT 5 user properties
 * @param timeout        how long a publish waits for the broker's acknowledgement
 * @param connectTimeout how long connecting at start may take
 */
public record MqttSettings(String functionName, BrokerUrl url, String clientId, Optional<String> username,
                           Optional<String> password, TopicTemplate topic, int qos, boolean retain,
                           List<String> userProperties, Duration timeout, Duration connectTimeout) {

    /** CloudEvent attribute names: lower-case letters and digits. */
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z0-9]{1,64}");

    public static final Setting<BrokerUrl> URL = Setting.required("url", BrokerUrl.type(),
            "The MQTT 5 broker to publish to.");
    public static final Setting<String> CLIENT_ID = Setting.optional("clientId",
            ValueTypes.text("a client id no other client of the broker uses"),
            "The client id to connect with. Without it, `tributary-<function>-<8 random hex digits>`, new for each"
                    + " process: two connections with one client id push each other off the broker.");
    public static final Setting<String> USERNAME = Setting.optional("username", ValueTypes.text("a user name"),
            "The user name to connect as; without it, the sink connects anonymously.");
    public static final Setting<String> PASSWORD = Setting.optional("password",
            ValueTypes.secret("any text; take it from the environment"),
            "Its password; write `${env:NAME}` rather than the password itself.");
    public static final Setting<TopicTemplate> TOPIC = Setting.required("topic", TopicTemplate.type(),
            "The topic each event is published to; `{key}` is the event's key (its `partitionkey`, else the record"
                    + " key), `{type}` its type, `{subject}` its subject. An event that leaves a placeholder empty or"
                    + " fills in `/`, `+` or `#` goes to the dead-letter topic.");
    public static final Setting<Integer> QOS = Setting.withDefault("qos", ValueTypes.integer(0, 2), 1,
            "The quality of service: `1` and `2` complete an event when the broker has acknowledged it (PUBACK,"
                    + " PUBCOMP); `0` once it is sent, so a connection lost just then loses it.");
    public static final Setting<Boolean> RETAIN = Setting.withDefault("retain", ValueTypes.flag(), false,
            "Publishes retained messages: the broker keeps the last one of each topic and hands it to every device"
                    + " that subscribes later.");
    public static final Setting<List<String>> USER_PROPERTIES = Setting.withDefault("userProperties",
            ValueTypes.textList("CloudEvent attribute names: specversion, id, source, type, subject, time,"
                    + " dataschema, datacontenttype, or an extension such as partitionkey", MqttSettings::attribute),
            List.of(),
            "The event's attributes sent as MQTT 5 user properties, each named as the attribute; an attribute the"
                    + " event lacks is left out. `[specversion, id, source, type]` makes messages CloudEvents in the"
                    + " MQTT binding's binary mode.");
    public static final Setting<Duration> TIMEOUT = Setting.withDefault("timeout",
            ValueTypes.duration(Duration.ofMillis(1), Duration.ofMinutes(5)), Duration.ofSeconds(10),
            "How long a publish waits for the broker's acknowledgement; then it fails and is retried. Keep it below"
                    + " the subscription's `timeout`.");
    public static final Setting<Duration> CONNECT_TIMEOUT = Setting.withDefault("connectTimeout",
            ValueTypes.duration(Duration.ofMillis(100), Duration.ofMinutes(1)), Duration.ofSeconds(10),
            "How long connecting at start may take; a broker not reached by then stops the function from starting.");

    /** Every setting, in the reference's order. */
    public static final List<Setting<?>> ALL = List.of(URL, CLIENT_ID, USERNAME, PASSWORD, TOPIC, QOS, RETAIN,
            USER_PROPERTIES, TIMEOUT, CONNECT_TIMEOUT);

    /**
     * Reads and checks the settings.
     *
     * @throws IllegalArgumentException naming the setting and what is allowed
     */
    public static MqttSettings read(FunctionConfig config) {
        SinkConfig sink = SinkConfig.of(config, "MqttDownlinkSink", ALL);
        Optional<String> username = sink.find(USERNAME);
        Optional<String> password = sink.find(PASSWORD);
        if (password.isPresent() && username.isEmpty()) {
            throw sink.invalid(PASSWORD.name(), "is set without a username; MQTT sends a password only with a user"
                    + " name: set username too");
        }
        String clientId = sink.find(CLIENT_ID).map(String::strip)
                .orElseGet(() -> "tributary-" + config.functionName() + "-"
                        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        List<String> userProperties = List.copyOf(new LinkedHashSet<>(sink.get(USER_PROPERTIES)));
        return new MqttSettings(config.functionName(), sink.get(URL), clientId, username, password, sink.get(TOPIC),
                sink.get(QOS), sink.get(RETAIN), userProperties, sink.get(TIMEOUT), sink.get(CONNECT_TIMEOUT));
    }

    /** The settings without the password. */
    @Override
    public String toString() {
        return "MqttSettings[function=" + functionName + ", url=" + url + ", clientId=" + clientId + ", username="
                + username.orElse("(anonymous)") + ", topic=" + topic + ", qos=" + qos + ", retain=" + retain
                + ", userProperties=" + userProperties + ", timeout=" + timeout + "]";
    }

    private static String attribute(String name) {
        if (!ATTRIBUTE.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a CloudEvent attribute name: those are"
                    + " lower-case letters and digits, such as id, type or partitionkey");
        }
        return name;
    }
}
