package dev.tributary.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tributary.dispatcher.FailureSettings;
import dev.tributary.dispatcher.OrderingMode;
import dev.tributary.dispatcher.RetryPolicy;
import dev.tributary.schemas.filter.EventFilter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Path EXAMPLES = Path.of("src/test/resources/config");
    private static final Function<String, String> NO_ENV = name -> null;

    @Test
    void aFullFileLoadsIntoTheTypedModel() throws ConfigException {
        TributaryConfig config = ConfigLoader.load(EXAMPLES.resolve("full.yaml"), Map.of("KAFKA_PASSWORD", "s3cret")::get);

        assertThat(config.kafka()).isEqualTo(new KafkaSettings(Optional.of("broker-1:9092,broker-2:9092"), Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"app\" password=\"s3cret\";")));
        assertThat(config.registry()).contains(new RegistrySettings(URI.create("https://registry.example.com/apis/ccompat/v7")));
        assertThat(config.functions()).containsExactly(
                new FunctionSettings("forward", new FunctionCode.InProcess("dev.tributary.examples.Forward",
                        Optional.of(EXAMPLES.toAbsolutePath().resolve("lib/functions.jar"))),
                        Map.of("greeting", "hello", "retries", 3, "ratio", 0.5, "enabled", true,
                                "tags", List.of("a", "b"), "nested", Map.of("key", "value")),
                        new SubscribeSettings(new TopicSelection.Listed(List.of("in", "other-in")),
                                new EventFilter.All(List.of(
                                        new EventFilter.Prefix("type", "com.example."),
                                        new EventFilter.Not(new EventFilter.Suffix("source", "/test")))),
                                OrderingMode.PARTITION, 64, 8, StartFrom.EARLIEST, "my-group",
                                new FailureSettings(Duration.ofSeconds(5), new RetryPolicy(10, Duration.ofMillis(50),
                                        Duration.ofMinutes(2), 1.5, 0.0), Optional.of("forward-dead-letters"))),
                        Optional.of(new OutputSettings("out"))),
                new FunctionSettings("iot-ingest", new FunctionCode.InProcess("dev.tributary.examples.IotIngest",
                        Optional.empty()), Map.of(),
                        new SubscribeSettings(new TopicSelection.Matching(Pattern.compile("iot\\..*")),
                                new EventFilter.Any(List.of(
                                        new EventFilter.Exact("subject", "thermostat"),
                                        new EventFilter.Exact("subject", "meter"))),
                                OrderingMode.UNORDERED, 16, 1, StartFrom.LATEST, "tributary.iot-ingest",
                                FailureSettings.DEFAULT),
                        Optional.empty()));
    }

    @Test
    void functionConfigKeepsTheFilesOrder() throws ConfigException {
        TributaryConfig config = ConfigLoader.load(EXAMPLES.resolve("full.yaml"), Map.of("KAFKA_PASSWORD", "x")::get);

        assertThat(config.functions().getFirst().config().keySet())
                .containsExactly("greeting", "retries", "ratio", "enabled", "tags", "nested");
    }

    @Test
    void settingsLeftOutTakeTheirDefaults() throws ConfigException {
        TributaryConfig config = ConfigLoader.load(EXAMPLES.resolve("minimal.yaml"), NO_ENV);

        assertThat(config.kafka()).isEqualTo(new KafkaSettings(Optional.empty(), Map.of()));
        assertThat(config.registry()).isEmpty();
        FunctionSettings function = config.functions().getFirst();
        assertThat(function.code()).isEqualTo(new FunctionCode.InProcess("dev.tributary.examples.Forward", Optional.empty()));
        assertThat(function.config()).isEmpty();
        assertThat(function.output()).isEmpty();
        assertThat(function.subscribe()).isEqualTo(new SubscribeSettings(new TopicSelection.Listed(List.of("in")),
                EventFilter.ALL, OrderingMode.KEY, 16, 1, StartFrom.LATEST, "tributary.forward", FailureSettings.DEFAULT));
    }

    @Test
    void failureSettingsAreCheckedWithTheirUnitsAndRanges() {
        String yaml = """
                functions:
                  - name: f
                    handler: com.example.F
                    subscribe:
                      topics: [in]
                      timeout: 30 seconds
                      retry:
                        initialBackoff: 1m
                        maxBackoff: 10s
                        jitter: 2
                """;
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse("t.yaml", yaml, Path.of("."), NO_ENV));

        assertThat(e.errors()).extracting(ConfigError::toString).containsExactly(
                "t.yaml:6: functions[0].subscribe.timeout: '30 seconds' is not a duration: use a number and ms, s, m"
                        + " or h, from 1ms to 1h, such as 30s",
                "t.yaml:9: functions[0].subscribe.retry.maxBackoff: initialBackoff 1m is longer than maxBackoff 10s;"
                        + " the first wait cannot exceed the longest",
                "t.yaml:10: functions[0].subscribe.retry.jitter: '2' is not a number between 0 and 1");
    }

    @Test
    void aFunctionBehindAUrlTakesItsSigningSecretFromTheEnvironment() throws ConfigException {
        String yaml = """
                functions:
                  - name: remote
                    url: http://127.0.0.1:8000/fn
                    signingSecret: ${env:FN_SECRET}
                    subscribe:
                      topics: [in]
                """;
        TributaryConfig config = ConfigLoader.parse("t.yaml", yaml, Path.of("."), Map.of("FN_SECRET", "s3cret")::get);

        assertThat(config.functions().getFirst().code()).isEqualTo(
                new FunctionCode.Remote(URI.create("http://127.0.0.1:8000/fn"), Optional.of("s3cret")));
    }

    @Test
    void aFunctionNeedsExactlyOneOfHandlerUrlAndStream() {
        String yaml = """
                functions:
                  - name: both
                    handler: com.example.F
                    url: http://127.0.0.1:8000/fn
                    subscribe: { topics: [in] }
                  - name: neither
                    jar: lib/f.jar
                    subscribe: { topics: [in] }
                  - name: remote-with-jar
                    url: http://127.0.0.1:8000/fn
                    jar: lib/f.jar
                    subscribe: { topics: [in] }
                """;
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse("t.yaml", yaml, Path.of("."), NO_ENV));

        assertThat(e.errors()).extracting(ConfigError::toString).containsExactly(
                "t.yaml:4: functions[0].url: set one of handler, url and stream, not several",
                "t.yaml:6: functions[1]: set handler (a Java class written with the SDK), url (a function behind HTTP) or stream (a Kafka Streams step)",
                "t.yaml:11: functions[2].jar: jar goes with handler or stream; a function behind a url has no jar");
    }

    @Test
    void anEmptyFileIsValidAndRunsNoFunctions() throws ConfigException {
        TributaryConfig config = parse("# nothing yet\n");

        assertThat(config).isEqualTo(new TributaryConfig(new KafkaSettings(Optional.empty(), Map.of()),
                Optional.empty(), List.of()));
    }

    @Test
    void aKeyWithNoValueIsTheSameAsLeavingItOut() throws ConfigException {
        TributaryConfig config = parse("""
                kafka:
                registry: ~
                functions:
                """);

        assertThat(config).isEqualTo(parse(""));
    }

    @Test
    void everyErrorOfAFileIsReportedAtOnceInLineOrder() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(EXAMPLES.resolve("errors.yaml"), NO_ENV));

        String file = EXAMPLES.resolve("errors.yaml").toString();
        assertThat(e.errors()).extracting(ConfigError::toString).containsExactly(
                file + ":2: kafka.bootstrapServers: 'localhost' is not a list of host:port separated by commas,"
                        + " such as broker-1:9092,broker-2:9092",
                file + ":4: registry.url: 'ftp://registry' is not an http or https URL such as http://127.0.0.1:8081",
                file + ":6: functions[0].subscribe: required setting is missing",
                file + ":8: functions[0].subscrbe: unknown setting; did you mean subscribe?",
                file + ":10: functions[1].name: 'Enrich' is not a valid function name: use lower-case letters, digits"
                        + " and '-', starting with a letter or digit",
                file + ":10: functions[1]: set handler (a Java class written with the SDK), url (a function behind HTTP) or stream (a Kafka Streams step)",
                file + ":13: functions[1].subscribe.pattern: 'iot\\.(' is not a valid Java regular expression:"
                        + " Unclosed group near index 6",
                file + ":13: functions[1].subscribe.pattern: set topics or pattern, not both",
                file + ":14: functions[1].subscribe.ordering: 'keyed' is not one of partition, key, unordered",
                file + ":15: functions[1].subscribe.concurrency: '0' is not an integer between 1 and 10000",
                file + ":16: functions[2].name: 'forward' is already the name of functions[0] (line 6);"
                        + " function names must be unique",
                file + ":20: functions[2].subscribe.filter.type.prefx: unknown setting; did you mean prefix?",
                file + ":21: functions[2].subscribe.startFrom: environment variable START is not set");
        assertThat(e.getMessage()).isEqualTo(String.join(System.lineSeparator(),
                e.errors().stream().map(ConfigError::toString).toList()));
    }

    @Test
    void anUnknownKeyWithNothingCloseListsTheAllowedSettings() {
        assertThat(errors("""
                kafka:
                  url: http://kafka
                """)).containsExactly(
                "tributary.yaml:2: kafka.url: unknown setting; allowed: bootstrapServers, properties");
    }

    @Test
    void aMisspeltKeySuggestsTheClosestSettingIgnoringCase() {
        assertThat(errors("""
                kafka:
                  bootstrap.servers: localhost:9092
                """)).containsExactly(
                "tributary.yaml:2: kafka.bootstrap.servers: unknown setting; did you mean bootstrapServers?");
    }

    @Test
    void aMissingRequiredSettingIsReportedOnTheLineOfItsSection() {
        assertThat(errors("""
                functions:
                  - name: forward
                    handler: dev.tributary.examples.Forward
                    subscribe:
                      topics: [in]
                    output: {}
                """)).containsExactly("tributary.yaml:6: functions[0].output.topic: required setting is missing");
    }

    @Test
    void aRequiredSettingWithNoValueIsAnError() {
        assertThat(errors(function("subscribe: { topics: [in] }").replace("name: forward", "name:")))
                .containsExactly("tributary.yaml:2: functions[0].name: required setting has no value");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheTypeExpected() {
        assertThat(errors("""
                kafka: [localhost:9092]
                functions:
                  forward: {}
                """)).containsExactly(
                "tributary.yaml:1: kafka: expected a mapping, found a list",
                "tributary.yaml:2: functions: expected a list of functions, found a mapping");
    }

    @Test
    void aSingleTopicWhereAListIsExpectedShowsHowToWriteIt() {
        assertThat(errors(function("subscribe: { topics: in }")))
                .containsExactly("tributary.yaml:4: functions[0].subscribe.topics: expected a list of strings,"
                        + " found 'in'; write [in]");
    }

    @Test
    void aTextWhereANumberIsExpectedIsAnError() {
        assertThat(errors(function("subscribe: { topics: [in], concurrency: many }")))
                .containsExactly("tributary.yaml:4: functions[0].subscribe.concurrency: 'many' is not an integer"
                        + " between 1 and 10000");
    }

    @Test
    void aNumberAboveTheRangeIsAnError() {
        assertThat(errors(function("subscribe: { topics: [in], concurrency: 10001 }")))
                .containsExactly("tributary.yaml:4: functions[0].subscribe.concurrency: '10001' is not an integer"
                        + " between 1 and 10000");
    }

    @Test
    void aConcurrencyFloorAboveTheCapIsAnError() {
        assertThat(errors(function("subscribe: { topics: [in], concurrency: 4, minConcurrency: 8 }")))
                .containsExactly("tributary.yaml:4: functions[0].subscribe.minConcurrency: minConcurrency 8 is above"
                        + " concurrency 4; the floor cannot exceed the cap (equal means a fixed concurrency)");
        assertThat(errors(function("subscribe: { topics: [in], minConcurrency: 17 }")))
                .containsExactly("tributary.yaml:4: functions[0].subscribe.minConcurrency: minConcurrency 17 is above"
                        + " concurrency 16; the floor cannot exceed the cap (equal means a fixed concurrency)");
    }

    @Test
    void aStreamFunctionLoadsWithItsClassAndRefusesTheDispatchersSettings() throws ConfigException {
        assertThat(parse("""
                functions:
                  - name: averages
                    stream: com.example.WindowAverage
                    subscribe: { topics: [readings] }
                    output: { topic: averages }
                """).functions().getFirst().code()).isEqualTo(new FunctionCode.Stream("com.example.WindowAverage",
                Optional.empty()));
        assertThat(errors("""
                functions:
                  - name: averages
                    stream: com.example.WindowAverage
                    handler: com.example.Other
                    subscribe:
                      topics: [readings]
                      ordering: partition
                """)).containsExactly(
                "tributary.yaml:3: functions[0].stream: set one of handler, url and stream, not several",
                "tributary.yaml:7: functions[0].subscribe.ordering: ordering does not apply to a stream function,"
                        + " which Kafka Streams runs exactly once; remove it");
    }

    @Test
    void neitherTopicsNorPatternIsAnError() {
        assertThat(errors(function("subscribe: { ordering: key }")))
                .containsExactly("tributary.yaml:4: functions[0].subscribe: set topics (a list of topic names)"
                        + " or pattern (a regular expression)");
    }

    @Test
    void anEmptyTopicListIsAnError() {
        assertThat(errors(function("subscribe: { topics: [] }")))
                .containsExactly("tributary.yaml:4: functions[0].subscribe.topics: the list is empty; give at least one");
    }

    @Test
    void anInvalidTopicNameIsAnErrorOnItsOwnLine() {
        assertThat(errors(function("""
                subscribe:
                      topics:
                        - in
                        - "my topic"
                """))).containsExactly("tributary.yaml:7: functions[0].subscribe.topics[1]: 'my topic' is not a valid"
                + " Kafka topic name: use letters, digits, '.', '_' and '-', at most 249 characters");
    }

    @Test
    void aKeySetTwiceIsAnError() {
        assertThat(errors("""
                kafka:
                  bootstrapServers: a:9092
                  bootstrapServers: b:9092
                """)).containsExactly(
                "tributary.yaml:3: kafka.bootstrapServers: set twice, first on line 2; keep one");
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        assertThat(errors("""
                kafka:
                  bootstrapServers: a:9092
                 properties: {}
                """)).containsExactly("tributary.yaml:3: YAML syntax error: while parsing a block mapping (line 1), expected <block end>, but found '<block mapping start>'");
    }

    @Test
    void aFileThatIsNotAMappingIsAnError() {
        assertThat(errors("- kafka\n")).containsExactly("tributary.yaml:1: expected a mapping, found a list");
    }

    @Test
    void environmentVariablesAreSubstitutedInAnyString() throws ConfigException {
        TributaryConfig config = ConfigLoader.parse("tributary.yaml", """
                kafka:
                  bootstrapServers: ${env:KAFKA_HOST}:9092
                functions:
                  - name: forward
                    handler: dev.tributary.examples.Forward
                    config: { token: "Bearer ${env:TOKEN}", list: ["${env:TOKEN}"] }
                    subscribe: { topics: ["${env:TOPIC}"], concurrency: "${env:CONCURRENCY}" }
                """, Path.of("."), Map.of("KAFKA_HOST", "kafka", "TOKEN", "t0k3n", "TOPIC", "in", "CONCURRENCY", "8")::get);

        assertThat(config.kafka().bootstrapServers()).contains("kafka:9092");
        FunctionSettings function = config.functions().getFirst();
        assertThat(function.config()).isEqualTo(Map.of("token", "Bearer t0k3n", "list", List.of("t0k3n")));
        assertThat(function.subscribe().topics()).isEqualTo(new TopicSelection.Listed(List.of("in")));
        assertThat(function.subscribe().concurrency()).isEqualTo(8);
    }

    @Test
    void aMissingEnvironmentVariableIsAnErrorNamingThePathAndTheVariable() {
        assertThat(errors("""
                kafka:
                  properties:
                    sasl.jaas.config: password="${env:KAFKA_PASSWORD}" user="${env:KAFKA_USER}"
                """)).containsExactly(
                "tributary.yaml:3: kafka.properties.sasl.jaas.config: environment variable KAFKA_PASSWORD is not set",
                "tributary.yaml:3: kafka.properties.sasl.jaas.config: environment variable KAFKA_USER is not set");
    }

    @Test
    void anErrorShowsTheValueAsWrittenAndNeverTheSecretSubstitutedIntoIt() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse("tributary.yaml",
                "registry: { url: \"ftp://user:${env:PASSWORD}@registry\" }", Path.of("."), Map.of("PASSWORD", "s3cret")::get));

        assertThat(e.getMessage()).isEqualTo("tributary.yaml:1: registry.url: 'ftp://user:${env:PASSWORD}@registry'"
                + " is not an http or https URL such as http://127.0.0.1:8081");
    }

    @Test
    void aFilterIsReadFromTheSubscriptionsApiDialects() throws ConfigException {
        TributaryConfig config = parse(function("""
                subscribe:
                      topics: [in]
                      filter:
                        all:
                          - type: { exact: com.example.created }
                          - any: [{ subject: { prefix: a } }, { not: { subject: { suffix: z } } }]
                """));

        assertThat(config.functions().getFirst().subscribe().filter()).isEqualTo(new EventFilter.All(List.of(
                new EventFilter.Exact("type", "com.example.created"),
                new EventFilter.Any(List.of(
                        new EventFilter.Prefix("subject", "a"),
                        new EventFilter.Not(new EventFilter.Suffix("subject", "z")))))));
    }

    @Test
    void aFilterWithMistakesReportsEachOne() {
        assertThat(errors(function("""
                subscribe:
                      topics: [in]
                      filter:
                        Type: { exact: x }
                        source: { exact: x, prefix: y }
                        subject: { suffix: "" }
                        any: []
                        not: com.example
                """))).containsExactly(
                "tributary.yaml:7: functions[0].subscribe.filter.Type: 'Type' is not a CloudEvents attribute name"
                        + " (lower-case letters and digits) nor one of all, any, not; did you mean type?",
                "tributary.yaml:8: functions[0].subscribe.filter.source: expected one of {exact: value},"
                        + " {prefix: value}, {suffix: value}: set exactly one",
                "tributary.yaml:9: functions[0].subscribe.filter.subject.suffix: is empty; a filter needs a value"
                        + " to compare with",
                "tributary.yaml:10: functions[0].subscribe.filter.any: the list is empty; give at least one filter",
                "tributary.yaml:11: functions[0].subscribe.filter.not: expected a filter: a mapping of attribute names"
                        + " and all, any, not, found 'com.example'");
    }

    @Test
    void aJarIsRelativeToTheFolderOfTheConfigurationFile(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("tributary.yaml"), function("jar: ../lib/f.jar\n    subscribe: { topics: [in] }"));

        assertThat(ConfigLoader.load(file, NO_ENV).functions().getFirst().code())
                .isEqualTo(new FunctionCode.InProcess("dev.tributary.examples.Forward",
                        Optional.of(dir.getParent().resolve("lib/f.jar"))));
    }

    @Test
    void aMissingFileIsOneErrorNamingIt() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(Path.of("no-such-dir/tributary.yaml"), NO_ENV));

        assertThat(e.getMessage()).isEqualTo(Path.of("no-such-dir/tributary.yaml") + ": no such file");
    }

    /** A file with one function, forward, whose last setting is {@code rest}, indented as a function's setting. */
    private static String function(String rest) {
        return """
                functions:
                  - name: forward
                    handler: dev.tributary.examples.Forward
                    %s
                """.formatted(rest.stripTrailing());
    }

    private static TributaryConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse("tributary.yaml", yaml, Path.of("."), NO_ENV);
    }

    private static List<String> errors(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));
        assertThat(e).as("a ConfigException").isNotNull();
        return e.errors().stream().map(ConfigError::toString).toList();
    }
}
