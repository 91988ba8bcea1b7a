package dev.tributary.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A {@link SchemaRegistryClient} over the Confluent Schema Registry REST API, with the JDK's HTTP client.
 *
 * <p>Guarantees: thread-safe; schemas by id and ids by subject and schema are cached, each cache bounded by
 * {@link SchemaRegistrySettings#cacheCapacity()} with least-recently-used eviction; failed requests are never
 * cached; requests without an answer or with a 5xx answer are repeated by {@link SchemaRegistrySettings#retry()},
 * 4xx answers never. Close it to release its connections.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    private final RegistryHttp http;
    private final LruCache<Integer, Schema> schemasById;
    private final LruCache<SubjectSchema, Integer> idsBySubjectAndSchema;
    private final ObjectMapper json = new ObjectMapper();

    public HttpSchemaRegistryClient(SchemaRegistrySettings settings) {
        this(settings, Sleeper.SYSTEM);
    }

    HttpSchemaRegistryClient(SchemaRegistrySettings settings, Sleeper sleeper) {
        Objects.requireNonNull(settings, "settings");
        this.http = new RegistryHttp(settings, sleeper, json);
        this.schemasById = new LruCache<>(settings.cacheCapacity());
        this.idsBySubjectAndSchema = new LruCache<>(settings.cacheCapacity());
    }

    @Override
    public int register(String subject, Schema schema) {
        return idOf(subject, schema, "/versions");
    }

    @Override
    public int getId(String subject, Schema schema) {
        return idOf(subject, schema, "");
    }

    /** Registering ({@code /versions}) and looking up ({@code ""}) both answer the id; either fills the cache. */
    private int idOf(String subject, Schema schema, String pathSuffix) {
        Objects.requireNonNull(schema, "schema");
        return idsBySubjectAndSchema.getOrLoad(new SubjectSchema(subject, schema), key -> {
            String path = subjectPath(subject) + pathSuffix;
            int id = requiredInt(http.post(path, schemaBody(schema)), "id", "POST " + path);
            schemasById.put(id, schema);
            return id;
        });
    }

    @Override
    public Schema getById(int id) {
        return schemasById.getOrLoad(id, key -> {
            String path = "/schemas/ids/" + id;
            JsonNode answer = http.get(path);
            return schema(answer, "GET " + path);
        });
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        String path = subjectPath(subject) + "/versions/latest";
        JsonNode answer = http.get(path);
        String request = "GET " + path;
        return new RegisteredSchema(answer.path("subject").asText(subject), requiredInt(answer, "id", request),
                requiredInt(answer, "version", request), schema(answer, request));
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        String path = "/compatibility" + subjectPath(subject) + "/versions/latest?verbose=true";
        JsonNode answer = http.post(path, schemaBody(schema));
        JsonNode verdict = answer.path("is_compatible");
        if (!verdict.isBoolean()) {
            throw http.unusable("POST " + path, "has no boolean 'is_compatible'", answer);
        }
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(message -> messages.add(message.asText()));
        return new CompatibilityResult(verdict.booleanValue(), messages);
    }

    @Override
    public CompatibilityLevel getGlobalCompatibility() {
        return level(http.get("/config"), "GET /config");
    }

    @Override
    public CompatibilityLevel setGlobalCompatibility(CompatibilityLevel level) {
        return level(http.put("/config", levelBody(level)), "PUT /config");
    }

    @Override
    public Optional<CompatibilityLevel> getSubjectCompatibility(String subject) {
        String path = "/config/" + RegistryHttp.segment(subject);
        try {
            return Optional.of(level(http.get(path), "GET " + path));
        } catch (SchemaRegistryException e) {
            // Confluent answers 40408 (older versions 40401) for a subject without a level of its own.
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public CompatibilityLevel setSubjectCompatibility(String subject, CompatibilityLevel level) {
        String path = "/config/" + RegistryHttp.segment(subject);
        return level(http.put(path, levelBody(level)), "PUT " + path);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "HttpSchemaRegistryClient[" + http.baseUrl() + "]";
    }

    private static String subjectPath(String subject) {
        Objects.requireNonNull(subject, "subject");
        return "/subjects/" + RegistryHttp.segment(subject);
    }

    private ObjectNode schemaBody(Schema schema) {
        // No schemaType: every registry reads its absence as AVRO.
        return json.createObjectNode().put("schema", schema.toString());
    }

    private ObjectNode levelBody(CompatibilityLevel level) {
        return json.createObjectNode().put("compatibility", level.name());
    }

    private Schema schema(JsonNode answer, String request) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw http.unusable(request, "is a " + type + " schema; Tributary reads Avro schemas only", answer);
        }
        JsonNode text = answer.path("schema");
        if (!text.isTextual()) {
            throw http.unusable(request, "has no 'schema' text", answer);
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw http.unusable(request, "holds a schema that is not valid Avro: " + e.getMessage(), answer);
        }
    }

    private CompatibilityLevel level(JsonNode answer, String request) {
        // GET answers compatibilityLevel, PUT answers compatibility.
        String value = answer.path("compatibilityLevel").asText(answer.path("compatibility").asText(""));
        try {
            return CompatibilityLevel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw http.unusable(request, "names no known compatibility level", answer);
        }
    }

    private int requiredInt(JsonNode answer, String field, String request) {
        JsonNode value = answer.path(field);
        if (!value.canConvertToInt()) {
            throw http.unusable(request, "has no integer '" + field + "'", answer);
        }
        return value.intValue();
    }

    /** A cache key: schemas compare by content, so equal schemas from different parses share an entry. */
    private record SubjectSchema(String subject, Schema schema) {
    }
}
