package dev.tributary.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.tributary.launcher.ReactorRoot;
import dev.tributary.launcher.config.ConfigException;
import dev.tributary.launcher.config.ConfigLoader;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The files under {@code deploy/} parse, and every name they share with the code exists in the code: meter and
 * label names in queries and dashboards, the command line's options and roles, the admin port and its paths, the
 * configuration they hand to {@code tributary run} (validated by the real loader), the versions of images. Helm is
 * not needed: templates are parsed with their actions removed, and their references into values.yaml resolved.
 */
class DeployManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final String CONFIG_IN_CONTAINER = "/etc/tributary/tributary.yaml";

    private static Path root;
    private static Path deploy;
    private static Path chart;
    private static MeterNames meters;
    private static CommandSpec run;
    private static Properties build;
    private static AutoCloseable admin;
    private static int adminPort;

    @BeforeAll
    static void readTheCode() throws Exception {
        root = ReactorRoot.find();
        deploy = root.resolve("deploy");
        chart = deploy.resolve("helm/tributary");
        meters = MeterNames.fromCatalogues();
        CommandLine tributary = new CommandLine(Class.forName("dev.tributary.launcher.TributaryCommand"));
        CommandLine runCommand = tributary.getSubcommands().get("run");
        assertThat(runCommand).as("the `tributary run` command the manifests start").isNotNull();
        run = runCommand.getCommandSpec();
        build = new Properties();
        try (InputStream in = DeployManifestsTest.class.getResourceAsStream("/dev/tributary/launcher/version.properties")) {
            assertThat(in).as("the launcher's version.properties").isNotNull();
            build.load(in);
        }
        // The admin endpoint that tributary run starts, to ask for the paths the manifests probe and scrape.
        Class<?> adminServer = Class.forName("dev.tributary.launcher.run.AdminServer");
        Method start = adminServer.getMethod("start", int.class, PrometheusMeterRegistry.class, BooleanSupplier.class);
        BooleanSupplier ready = () -> true;
        admin = (AutoCloseable) start.invoke(null, 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ready);
        adminPort = (int) adminServer.getMethod("port").invoke(admin);
    }

    @AfterAll
    static void stopTheAdminEndpoint() throws Exception {
        if (admin != null) {
            admin.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- compose

    @Test
    void composeRunsBothRolesWithTheLaunchersOptionsAndTheBuildsVersions() throws Exception {
        JsonNode compose = composeFile();
        JsonNode services = compose.path("services");
        assertThat(fieldNames(services)).contains("kafka", "registry", "mosquitto", "ingest", "dispatcher");
        assertThat(services.at("/kafka/image").asText())
                .as("the broker image is the Kafka version the build uses")
                .isEqualTo("apache/kafka:" + build.getProperty("kafka"));
        assertThat(services.at("/ingest/image").asText()).endsWith("tributary:" + build.getProperty("version") + "}");

        for (String role : List.of("ingest", "dispatcher")) {
            JsonNode service = services.path(role);
            List<String> command = strings(service.path("command"));
            assertThat(command).as(role + " command").startsWith("run");
            Map<String, String> options = runOptions(command.subList(1, command.size()), "compose " + role);
            assertThat(options.get("--role")).isEqualTo(role);
            assertRoleExists(options.get("--role"));
            assertThat(options.get("--admin-host")).as("reachable from the published port").isEqualTo("0.0.0.0");
            assertThat(options.get("--admin-port")).isEqualTo(defaultAdminPort());
            assertThat(strings(service.path("ports")))
                    .as(role + " publishes its admin port on 127.0.0.1 only")
                    .anyMatch(port -> port.startsWith("127.0.0.1:") && port.endsWith(":" + defaultAdminPort()));
            assertThat(options.get("--config")).isEqualTo(CONFIG_IN_CONTAINER);
            assertThat(strings(service.path("volumes")))
                    .contains("./compose/tributary.yaml:" + CONFIG_IN_CONTAINER + ":ro");
            assertThat(service.at("/read_only").asBoolean()).as(role + " read_only").isTrue();
            assertThat(service.at("/user").asText()).doesNotStartWith("0");
        }
        for (JsonNode service : iterable(services)) {
            for (String port : strings(service.path("ports"))) {
                assertThat(port).as("published ports bind 127.0.0.1 only").startsWith("127.0.0.1:");
            }
            for (String volume : strings(service.path("volumes"))) {
                String source = volume.split(":")[0];
                if (source.startsWith(".") && !source.contains("/target")) {
                    assertThat(deploy.resolve(source).normalize()).as("mounted " + source).exists();
                }
            }
        }
    }

    @Test
    void composesSampleConfigurationIsValidAndItsFunctionJarIsTheExamplesJar() throws Exception {
        JsonNode services = composeFile().path("services");
        Path sample = deploy.resolve("compose/tributary.yaml");
        Map<String, String> environment = new HashMap<>();
        services.path("dispatcher").path("environment").properties()
                .forEach(entry -> environment.put(entry.getKey(), "a-value-of-32-characters-0123456"));
        load(sample, environment::get);

        // The dispatcher mounts examples/target next to the file, as the jar path in the file expects.
        assertThat(strings(services.path("dispatcher").path("volumes"))).contains("../examples/target:/etc/tributary/functions:ro");
        for (JsonNode function : iterable(YAML.readTree(sample.toFile()).path("functions"))) {
            if (function.has("jar")) {
                assertThat(function.path("jar").asText())
                        .isEqualTo("functions/tributary-examples-" + build.getProperty("version") + ".jar");
            }
        }
        // Inside a container the HTTP adapter must bind every interface, or the published port reaches nothing.
        assertThat(YAML.readTree(sample.toFile()).at("/ingest/http/host").asText()).isEqualTo("0.0.0.0");
    }

    @Test
    void prometheusScrapesTheAdminEndpoint() throws Exception {
        JsonNode prometheus = YAML.readTree(deploy.resolve("compose/prometheus.yml").toFile());
        for (JsonNode job : iterable(prometheus.path("scrape_configs"))) {
            assertAdminPathsAnswer(List.of(job.path("metrics_path").asText()));
            for (JsonNode config : iterable(job.path("static_configs"))) {
                for (String target : strings(config.path("targets"))) {
                    assertThat(target).endsWith(":" + defaultAdminPort());
                }
            }
        }
        YAML.readTree(deploy.resolve("compose/grafana/provisioning/datasources/prometheus.yaml").toFile());
        YAML.readTree(deploy.resolve("compose/grafana/provisioning/dashboards/tributary.yaml").toFile());
    }

    // ---------------------------------------------------------------------------------------------- Helm

    @Test
    void chartAndValuesParse() throws Exception {
        JsonNode chartYaml = YAML.readTree(chart.resolve("Chart.yaml").toFile());
        assertThat(chartYaml.path("apiVersion").asText()).isEqualTo("v2");
        assertThat(chartYaml.path("name").asText()).isEqualTo("tributary");
        assertThat(chartYaml.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(chartYaml.path("appVersion").asText()).as("the image tag the chart deploys by default")
                .isEqualTo(build.getProperty("version"));

        JsonNode values = values();
        assertThat(values.at("/admin/port").asText()).as("values admin.port").isEqualTo(defaultAdminPort());
        assertThat(values.at("/autoscaling/mode").asText()).isIn("keda", "hpa", "none");
        assertThat(values.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(values.at("/podSecurityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(values.at("/ingest/config/http/host").asText()).isEqualTo("0.0.0.0");
        for (Path file : valuesFiles()) {
            JsonNode merged = mergedValues(file);
            for (JsonNode group : iterable(merged.at("/dispatchers/groups"))) {
                assertThat(group.path("name").asText()).as(file + " group name").matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
                assertThat(group.path("functions").isArray() && !group.path("functions").isEmpty())
                        .as(file + ": group " + group.path("name") + " has functions").isTrue();
                JsonNode signal = group.at("/autoscaling/signal");
                if (!signal.isMissingNode()) {
                    assertThat(signal.asText()).isIn("lag", "timeToDrain");
                }
            }
        }
    }

    @Test
    void everyTemplateParsesAsYamlOnceItsActionsAreRemoved() throws Exception {
        Map<String, HelmTemplate> templates = templates();
        Set<String> defined = new TreeSet<>();
        templates.values().forEach(template -> defined.addAll(template.defines().keySet()));
        Set<String> kinds = new TreeSet<>();
        for (HelmTemplate template : templates.values()) {
            assertThat(defined).as(template.name() + " includes").containsAll(template.includes());
            if (template.name().endsWith(".tpl")) {
                for (Map.Entry<String, String> define : template.defines().entrySet()) {
                    parseAll(HelmTemplate.stripActions(define.getValue()), template.name() + " " + define.getKey());
                }
            } else if (template.name().endsWith(".yaml")) {
                for (JsonNode document : parseAll(template.stripped(), template.name())) {
                    assertThat(document.path("apiVersion").asText()).as(template.name() + " apiVersion").isNotEmpty();
                    assertThat(document.path("kind").asText()).as(template.name() + " kind").isNotEmpty();
                    assertThat(document.has("metadata")).as(template.name() + " metadata").isTrue();
                    kinds.add(document.path("kind").asText());
                }
            }
        }
        assertThat(kinds).contains("ConfigMap", "Deployment", "Service", "PodDisruptionBudget", "ScaledObject",
                "HorizontalPodAutoscaler");
    }

    @Test
    void templatesOnlyReferToValuesThatExist() throws Exception {
        JsonNode values = values();
        JsonNode defaults = values.at("/dispatchers/defaults");
        // Variables the templates bind, and where in values.yaml each one points.
        Map<String, List<JsonNode>> scopes = new LinkedHashMap<>();
        scopes.put("\\.Values", List.of(values));
        scopes.put("\\$values", List.of(values));
        scopes.put("\\$keda", List.of(values.at("/autoscaling/keda")));
        scopes.put("\\$as", List.of(defaults.path("autoscaling")));
        scopes.put("\\$g", List.of(defaults, YAML.readTree("{name: x, functions: []}")));
        scopes.put("\\.settings", List.of(defaults, values.path("ingest")));
        Map<Pattern, List<JsonNode>> references = new LinkedHashMap<>();
        scopes.forEach((variable, nodes) -> references.put(
                Pattern.compile("(?<![\\w.])" + variable + "((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)"), nodes));
        List<String> missing = new ArrayList<>();
        for (HelmTemplate template : templates().values()) {
            for (String action : template.actions()) {
                for (Map.Entry<Pattern, List<JsonNode>> scope : references.entrySet()) {
                    Matcher matcher = scope.getKey().matcher(action);
                    while (matcher.find()) {
                        String path = matcher.group(1);
                        if (scope.getValue().stream().noneMatch(node -> resolves(node, path))) {
                            missing.add(template.name() + ": " + matcher.group());
                        }
                    }
                }
            }
        }
        assertThat(missing).as("references to values that values.yaml does not have").isEmpty();
    }

    @Test
    void podsRunTheLauncherWithItsOwnOptionsProbesAndPort() throws Exception {
        HelmTemplate pod = templates().get("_pod.tpl");
        JsonNode spec = parseAll(HelmTemplate.stripActions(pod.defines().get("tributary.podSpec")), "podSpec").get(0);
        JsonNode container = spec.at("/containers/0");
        List<String> args = strings(container.path("args"));
        assertThat(args).startsWith("run");
        // Values come from templates; here only the options' names and the literal values are checked.
        Map<String, String> options = runOptions(args.subList(1, args.size()), "_pod.tpl");
        assertThat(options).containsKeys("--config", "--role", "--admin-host", "--admin-port");
        assertThat(options.get("--config")).isEqualTo(CONFIG_IN_CONTAINER);
        assertThat(options.get("--admin-host")).isEqualTo("0.0.0.0");
        assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo(CONFIG_IN_CONTAINER);

        Matcher roles = Pattern.compile("\"role\" \"([a-z]+)\"").matcher(
                templates().values().stream().map(HelmTemplate::text).collect(Collectors.joining("\n")));
        Set<String> rolesUsed = new TreeSet<>();
        while (roles.find()) {
            rolesUsed.add(roles.group(1));
        }
        assertThat(rolesUsed).containsExactlyInAnyOrder("ingest", "dispatcher");
        rolesUsed.forEach(DeployManifestsTest::assertRoleExists);

        List<String> probePaths = new ArrayList<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode httpGet = container.path(probe).path("httpGet");
            assertThat(httpGet.path("port").asText()).as(probe + " port").isEqualTo("admin");
            probePaths.add(httpGet.path("path").asText());
        }
        assertThat(container.at("/ports/0/name").asText()).isEqualTo("admin");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");

        String scrapeAnnotations = HelmTemplate.stripActions(pod.defines().get("tributary.scrapeAnnotations"));
        JsonNode annotations = parseAll(scrapeAnnotations, "scrapeAnnotations").get(0);
        probePaths.add(annotations.path("prometheus.io/path").asText());
        JsonNode podMonitor = parseAll(templates().get("podmonitor.yaml").stripped(), "podmonitor.yaml").get(0);
        probePaths.add(podMonitor.at("/spec/podMetricsEndpoints/0/path").asText());
        assertAdminPathsAnswer(probePaths);

        // The variables the templates set for the launcher are the ones it reads.
        Field logFormat = Class.forName("dev.tributary.launcher.Main").getDeclaredField("LOG_FORMAT_VARIABLE");
        logFormat.setAccessible(true);
        Set<String> envNames = new TreeSet<>();
        for (JsonNode env : iterable(container.path("env"))) {
            envNames.add(env.path("name").asText());
        }
        assertThat(envNames).contains((String) logFormat.get(null), "JAVA_TOOL_OPTIONS");
    }

    @Test
    void everyProcessConfigurationTheChartRendersIsValid(@TempDir Path folder) throws Exception {
        Set<String> allFunctions = new HashSet<>();
        for (Path file : valuesFiles()) {
            JsonNode values = mergedValues(file);
            Set<String> provided = new TreeSet<>();
            for (JsonNode variable : iterable(values.at("/secretEnv/vars"))) {
                provided.add(variable.path("name").asText());
            }
            for (JsonNode variable : iterable(values.path("extraEnv"))) {
                provided.add(variable.path("name").asText());
            }
            boolean wholeSecrets = !values.at("/secretEnv/fromSecrets").isEmpty();
            Function<String, String> env = name -> provided.contains(name) || wholeSecrets
                    ? "a-value-of-32-characters-0123456" : null;

            // As tributary.ingestConfig and tributary.dispatcherConfig in _helpers.tpl assemble them.
            if (values.at("/ingest/enabled").asBoolean()) {
                ObjectNode ingest = values.path("config").deepCopy();
                ingest.set("ingest", values.at("/ingest/config"));
                load(write(folder, file, "ingest.yaml", ingest), env);
            }
            Set<String> functions = new HashSet<>();
            for (JsonNode group : iterable(values.at("/dispatchers/groups"))) {
                ObjectNode dispatcher = values.path("config").deepCopy();
                dispatcher.set("functions", group.path("functions"));
                load(write(folder, file, "dispatcher-" + group.path("name").asText() + ".yaml", dispatcher), env);
                for (JsonNode function : iterable(group.path("functions"))) {
                    assertThat(functions.add(function.path("name").asText()))
                            .as(file + ": function " + function.path("name") + " is in one group only, or two"
                                    + " Deployments would share its consumer group and its scaling")
                            .isTrue();
                }
            }
            allFunctions.addAll(functions);
        }
        assertThat(allFunctions).as("the ci values exercise the group templates").isNotEmpty();
    }

    @Test
    void scalingQueriesUseTheLaunchersMetricsAndLabels() throws Exception {
        String scaledObject = Files.readString(chart.resolve("templates/dispatcher-scaledobject.yaml"));
        assertThat(MeterNames.usedIn(scaledObject))
                .contains("tributary_consumer_lag", "tributary_dispatch_time_to_drain_seconds");
        String hpa = Files.readString(chart.resolve("templates/dispatcher-hpa.yaml"));
        assertThat(MeterNames.usedIn(hpa)).contains("tributary_consumer_lag");
        String matchers = templates().get("_helpers.tpl").defines().get("tributary.matchers");
        Matcher label = Pattern.compile("^\\s*([a-z_]+)=~").matcher(HelmTemplate.stripActions(matchers));
        assertThat(label.find()).isTrue();
        assertThat(meters.isLabel(label.group(1))).as("label " + label.group(1)).isTrue();
        JsonNode hpaDocument = parseAll(templates().get("dispatcher-hpa.yaml").stripped(), "dispatcher-hpa.yaml").get(0);
        String selectorKey = hpaDocument.at("/spec/metrics/0/external/metric/selector/matchExpressions/0/key").asText();
        assertThat(meters.isLabel(selectorKey)).as("HPA selector label " + selectorKey).isTrue();
    }

    // ---------------------------------------------------------------------------------------------- metrics

    @Test
    void everyMetricNameInTheDeployFilesIsAMeterOfTheCatalogues() throws Exception {
        assertThat(meters.meters()).as("meters found in " + MeterNames.CATALOGUES).hasSizeGreaterThan(10);
        Map<String, Set<String>> unknown = new TreeMap<>();
        List<Path> files = new ArrayList<>(deployFiles());
        files.add(root.resolve("docs/deploy.md"));
        for (Path file : files) {
            for (String name : MeterNames.usedIn(Files.readString(file))) {
                if (!meters.isSeries(name)) {
                    unknown.computeIfAbsent(root.relativize(file).toString(), key -> new TreeSet<>()).add(name);
                }
            }
        }
        assertThat(unknown).as("metric names that no catalogue declares (by file)").isEmpty();
    }

    @Test
    void dashboardParsesAndItsQueriesUseDeclaredMetricsAndLabels() throws Exception {
        JsonNode dashboard = JSON.readTree(deploy.resolve("grafana/tributary.json").toFile());
        assertThat(dashboard.path("uid").asText()).isNotEmpty();
        List<String> expressions = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : iterable(dashboard.path("panels"))) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(panel.path("title") + " fits 24 columns")
                    .isLessThanOrEqualTo(24);
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("targets").isEmpty()).as(panel.path("title") + " has queries").isFalse();
            for (JsonNode target : iterable(panel.path("targets"))) {
                String expr = target.path("expr").asText();
                assertThat(expr).as(panel.path("title") + " query").isNotBlank();
                assertThat(MeterNames.usedIn(expr)).as(panel.path("title") + " uses a Tributary meter").isNotEmpty();
                expressions.add(expr);
            }
        }
        List<String> variables = new ArrayList<>();
        for (JsonNode variable : iterable(dashboard.at("/templating/list"))) {
            variables.add(variable.path("definition").asText());
        }
        // The histogram panels read the buckets, and the counters are read as rates.
        assertThat(expressions).anyMatch(expr -> expr.contains("histogram_quantile") && expr.contains("tributary_dispatch_latency_seconds_bucket"));
        assertThat(expressions).anyMatch(expr -> expr.contains("tributary_ingest_http_publish_latency_seconds_bucket"));
        for (String expr : Stream.concat(expressions.stream(), variables.stream()).toList()) {
            for (String name : MeterNames.usedIn(expr)) {
                assertThat(meters.isSeries(name)).as(name + " in " + expr).isTrue();
                if (expressions.contains(expr) && (name.endsWith("_total") || name.endsWith("_bucket"))) {
                    assertThat(expr).as(name + " is a counter: read it with rate() or increase()")
                            .containsPattern("(rate|increase)\\(\\s*" + name);
                }
            }
            for (String label : labelsIn(expr)) {
                assertThat(meters.isLabel(label)).as("label " + label + " in " + expr + "; known: " + meters.labels())
                        .isTrue();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static JsonNode composeFile() throws IOException {
        // SnakeYAML resolves the `<<: *tributary` merge keys that Jackson's tree model leaves as they are.
        Yaml snake = new Yaml(new SafeConstructor(new LoaderOptions()));
        Object tree = snake.load(Files.readString(deploy.resolve("compose.yaml")));
        return JSON.valueToTree(tree);
    }

    private static JsonNode values() throws IOException {
        return YAML.readTree(chart.resolve("values.yaml").toFile());
    }

    private static List<Path> valuesFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(chart.resolve("values.yaml")));
        try (Stream<Path> ci = Files.list(chart.resolve("ci"))) {
            ci.filter(path -> path.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        return files;
    }

    /** values.yaml with {@code file} over it, as Helm merges them: maps deeply, everything else replaced. */
    private static JsonNode mergedValues(Path file) throws IOException {
        JsonNode values = values();
        return file.getFileName().toString().equals("values.yaml") && file.getParent().equals(chart)
                ? values : merge(values.deepCopy(), YAML.readTree(file.toFile()));
    }

    private static JsonNode merge(JsonNode base, JsonNode override) {
        if (!(base instanceof ObjectNode object) || !override.isObject()) {
            return override;
        }
        override.properties().forEach(entry -> object.set(entry.getKey(),
                object.has(entry.getKey()) ? merge(object.get(entry.getKey()), entry.getValue()) : entry.getValue()));
        return object;
    }

    private static Map<String, HelmTemplate> templates() throws IOException {
        Map<String, HelmTemplate> templates = new TreeMap<>();
        try (Stream<Path> files = Files.list(chart.resolve("templates"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                templates.put(name, new HelmTemplate(name, Files.readString(file)));
            }
        }
        assertThat(templates).containsKeys("_helpers.tpl", "_pod.tpl", "configmap.yaml", "ingest-deployment.yaml",
                "dispatcher-deployment.yaml", "dispatcher-scaledobject.yaml", "dispatcher-hpa.yaml");
        return templates;
    }

    private static List<Path> deployFiles() throws IOException {
        try (Stream<Path> files = Files.walk(deploy)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> path.toString().matches(".*\\.(ya?ml|json|tpl|txt|md|conf|sh)$"))
                    .sorted().toList();
        }
    }

    private static List<JsonNode> parseAll(String yaml, String what) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            try (var parser = YAML.getFactory().createParser(yaml)) {
                Iterator<JsonNode> iterator = YAML.readValues(parser, JsonNode.class);
                while (iterator.hasNext()) {
                    JsonNode document = iterator.next();
                    if (document != null && !document.isNull() && !document.isMissingNode()) {
                        documents.add(document);
                    }
                }
            }
            return documents;
        } catch (IOException e) {
            throw new AssertionError(what + " is not YAML once its template actions are removed: " + e.getMessage()
                    + "\n" + yaml, e);
        }
    }

    /** Whether {@code path} (".a.b") names a key in {@code node}. */
    private static boolean resolves(JsonNode node, String path) {
        JsonNode current = node;
        for (String key : path.substring(1).split("\\.")) {
            if (current == null || !current.isObject() || !current.has(key)) {
                return false;
            }
            current = current.get(key);
        }
        return true;
    }

    /** The options in {@code args}, each with the literal that follows it (empty when a template supplies it). */
    private static Map<String, String> runOptions(List<String> args, String where) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg == null || !arg.startsWith("-")) {
                continue;
            }
            OptionSpec option = run.findOption(arg);
            if (option == null) {
                fail(where + ": `tributary run` has no option " + arg + "; it has " + run.options().stream()
                        .map(OptionSpec::longestName).toList());
            }
            String value = i + 1 < args.size() && args.get(i + 1) != null ? args.get(i + 1) : "";
            options.put(arg, value);
            i++;
        }
        return options;
    }

    private static String defaultAdminPort() {
        OptionSpec port = run.findOption("--admin-port");
        assertThat(port).as("tributary run --admin-port").isNotNull();
        return port.defaultValue();
    }

    private static void assertRoleExists(String role) {
        try {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Class<? extends Enum> roles = (Class<? extends Enum>) Class.forName("dev.tributary.launcher.run.Role");
            @SuppressWarnings("unchecked")
            Object ignored = Enum.valueOf(roles, role.toUpperCase(Locale.ROOT));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the launcher's Role enum moved", e);
        } catch (IllegalArgumentException e) {
            fail("--role " + role + " is not a role of tributary run");
        }
    }

    /** Asks the real admin endpoint for each path: each must answer 200. */
    private static void assertAdminPathsAnswer(List<String> paths) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            for (String path : paths) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + path)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("GET " + path + " on the admin endpoint").isEqualTo(200);
            }
        }
    }

    private static void load(Path file, Function<String, String> env) {
        List<String> missing = new ArrayList<>();
        try {
            Matcher references = ENV_REFERENCE.matcher(Files.readString(file));
            while (references.find()) {
                if (env.apply(references.group(1)) == null) {
                    missing.add(references.group(1));
                }
            }
            ConfigLoader.load(file, env);
        } catch (ConfigException e) {
            fail(file + " is not a valid tributary.yaml" + (missing.isEmpty() ? "" : " (no variable " + missing + ")")
                    + ":\n" + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path folder, Path valuesFile, String name, JsonNode document) throws IOException {
        Path dir = folder.resolve(valuesFile.getFileName().toString().replace(".yaml", ""));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.writeString(file, YAML.writeValueAsString(document));
        return file;
    }

    /** Label names in a PromQL expression's selectors, by clauses and label_values(). */
    private static Set<String> labelsIn(String expr) {
        Set<String> labels = new TreeSet<>();
        Matcher selector = Pattern.compile("\\{([^{}]*)}").matcher(expr);
        while (selector.find()) {
            for (String matcher : selector.group(1).split(",")) {
                Matcher name = Pattern.compile("^\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)").matcher(matcher);
                if (name.find()) {
                    labels.add(name.group(1));
                }
            }
        }
        Matcher grouping = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)").matcher(expr);
        while (grouping.find()) {
            for (String label : grouping.group(1).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.trim());
                }
            }
        }
        Matcher labelValues = Pattern.compile("label_values\\([^,]+,\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)").matcher(expr);
        while (labelValues.find()) {
            labels.add(labelValues.group(1));
        }
        return labels;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        for (JsonNode element : iterable(array)) {
            strings.add(element.isNull() ? null : element.asText());
        }
        return strings;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null ? List.of() : node::elements;
    }
}
