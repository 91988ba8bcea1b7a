package dev.tributary.examples.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tributary.connectors.http.WebhookSink;
import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import dev.tributary.sdk.AsyncEventFunction;
import dev.tributary.sdk.EventFunction;
import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.FunctionLifecycle;
import dev.tributary.sdk.stream.StreamFunction;
import dev.tributary.sdk.stream.StreamTopology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What {@code bin/tributary validate} leaves to the start, because it loads no classes: that every class
 * {@code examples/iot/tributary.yaml} names is the kind of function its key says, that the functions of this module and
 * the webhook sink accept their settings, and that every topic a function reads is written by a step of the pipeline.
 */
class PipelineConfigurationTest {

    private static final Path CONFIG = Path.of("iot", "tributary.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private record Function(String name, String key, String className, Map<String, Object> config, List<String> topics,
                            Optional<String> output) {

        Object newInstance() throws ReflectiveOperationException {
            return Class.forName(className).getConstructor().newInstance();
        }

        FunctionConfig functionConfig() {
            return new FunctionConfig(name, config);
        }
    }

    private static JsonNode file() throws Exception {
        return YAML.readTree(CONFIG.toFile());
    }

    private static List<Function> functions() throws Exception {
        List<Function> functions = new ArrayList<>();
        for (JsonNode function : file().get("functions")) {
            String key = function.has("stream") ? "stream" : "handler";
            Map<String, Object> config = function.has("config")
                    ? YAML.convertValue(function.get("config"), new TypeReference<Map<String, Object>>() { })
                    : Map.of();
            List<String> topics = new ArrayList<>();
            function.get("subscribe").get("topics").forEach(topic -> topics.add(topic.asText()));
            functions.add(new Function(function.get("name").asText(), key, function.get(key).asText(), config,
                    topics, Optional.ofNullable(function.get("output")).map(output -> output.get("topic").asText())));
        }
        return functions;
    }

    @Test
    void everyHandlerIsAnEventFunctionAndEveryStreamAStreamFunctionWithAPublicNoArgumentConstructor()
            throws Exception {
        List<Function> functions = functions();

        assertThat(functions).extracting(Function::name).containsExactly("validate-enrich", "window-aggregate",
                "threshold-alert", "alert-count", "alert-report", "alert-webhook", "device-commands",
                "aggregate-archive");
        for (Function function : functions) {
            Object instance = function.newInstance();
            if (function.key().equals("stream")) {
                assertThat(instance).as(function.name()).isInstanceOf(StreamFunction.class);
            } else {
                assertThat(instance instanceof EventFunction<?> || instance instanceof AsyncEventFunction<?>)
                        .as("%s is an EventFunction or AsyncEventFunction", function.name()).isTrue();
            }
        }
    }

    @Test
    void theFunctionsOfThisModuleAndTheWebhookSinkAcceptTheirSettings() throws Exception {
        for (Function function : functions()) {
            Object instance = function.newInstance();
            if (instance instanceof StreamFunction stream) {
                StreamTopology.build(stream, function.functionConfig(), function.topics(), function.output(),
                        Optional.of(new InMemorySchemaRegistry()));
            } else if (instance.getClass().getPackageName().equals(ValidateEnrich.class.getPackageName())
                    || instance instanceof WebhookSink) {
                // The MQTT and storage sinks connect when they open: they check their settings at start.
                FunctionLifecycle lifecycle = (FunctionLifecycle) instance;
                lifecycle.open(function.functionConfig());
                lifecycle.close();
            }
        }
    }

    @Test
    void everyTopicAFunctionReadsIsWrittenByTheIngestOrAnotherFunction() throws Exception {
        JsonNode ingest = file().get("ingest");
        Set<String> written = new HashSet<>();
        ingest.get("mqtt").get("direct").get("mappings").forEach(mapping -> written.add(mapping.get("topic").asText()));
        ingest.get("cron").get("schedules").forEach(schedule -> written.add(schedule.get("topic").asText()));
        List<Function> functions = functions();
        functions.forEach(function -> function.output().ifPresent(written::add));

        for (Function function : functions) {
            assertThat(written).as("topics %s of %s", function.topics(), function.name())
                    .containsAll(function.topics());
        }
    }
}
