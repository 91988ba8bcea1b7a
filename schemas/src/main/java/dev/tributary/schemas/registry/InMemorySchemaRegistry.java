package dev.tributary.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A schema registry in memory, for unit tests of code that reads or writes Avro (the SDK's testers use it): global
 * ids from 1, the same id for the same schema in any subject, and the registry's 404 errors. It accepts every
 * schema and answers no compatibility question: compatibility is a real registry's business. Thread-safe; a test
 * may override a method to make the registry fail.
 */
public class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final List<Schema> schemasById = new ArrayList<>(List.of(Schema.create(Schema.Type.NULL)));
    private final Map<String, List<Schema>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = ids.computeIfAbsent(schema, s -> {
            schemasById.add(s);
            return schemasById.size() - 1;
        });
        List<Schema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            versions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        if (!subjects.getOrDefault(subject, List.of()).contains(schema)) {
            throw notFound(subjects.containsKey(subject) ? SchemaRegistryException.SCHEMA_NOT_FOUND
                    : SchemaRegistryException.SUBJECT_NOT_FOUND, subject);
        }
        return ids.get(schema);
    }

    @Override
    public synchronized Schema getById(int id) {
        if (id < 1 || id >= schemasById.size()) {
            throw notFound(SchemaRegistryException.SCHEMA_NOT_FOUND, "id " + id);
        }
        return schemasById.get(id);
    }

    @Override
    public synchronized RegisteredSchema getLatestVersion(String subject) {
        List<Schema> versions = subjects.get(subject);
        if (versions == null) {
            throw notFound(SchemaRegistryException.SUBJECT_NOT_FOUND, subject);
        }
        Schema latest = versions.getLast();
        return new RegisteredSchema(subject, ids.get(latest), versions.size(), latest);
    }

    /** The subjects registered so far. */
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        throw new UnsupportedOperationException("compatibility is tested against a real registry");
    }

    @Override
    public CompatibilityLevel getGlobalCompatibility() {
        throw new UnsupportedOperationException("an in-memory registry has no compatibility levels");
    }

    @Override
    public CompatibilityLevel setGlobalCompatibility(CompatibilityLevel level) {
        throw new UnsupportedOperationException("an in-memory registry has no compatibility levels");
    }

    @Override
    public Optional<CompatibilityLevel> getSubjectCompatibility(String subject) {
        throw new UnsupportedOperationException("an in-memory registry has no compatibility levels");
    }

    @Override
    public CompatibilityLevel setSubjectCompatibility(String subject, CompatibilityLevel level) {
        throw new UnsupportedOperationException("an in-memory registry has no compatibility levels");
    }

    @Override
    public void close() {
    }

    private static SchemaRegistryException notFound(int errorCode, String what) {
        return new SchemaRegistryException("in-memory registry: " + what + " not found", 404, errorCode,
                what + " not found", null);
    }
}
