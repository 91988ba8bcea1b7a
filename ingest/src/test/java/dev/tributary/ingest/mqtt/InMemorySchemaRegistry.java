package dev.tributary.ingest.mqtt;

import dev.tributary.schemas.registry.CompatibilityLevel;
import dev.tributary.schemas.registry.CompatibilityResult;
import dev.tributary.schemas.registry.RegisteredSchema;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import dev.tributary.schemas.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A schema registry in memory, for unit tests of Avro encoding: registers and finds schemas by subject and id. While
 * {@link #unreachable(boolean)} is on, every call fails as a registry without an answer would.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final List<Schema> byId = new ArrayList<>();
    private final Map<String, Map<Schema, Integer>> bySubject = new ConcurrentHashMap<>();
    private volatile boolean unreachable;

    public InMemorySchemaRegistry unreachable(boolean unreachable) {
        this.unreachable = unreachable;
        return this;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        requireReachable();
        return bySubject.computeIfAbsent(subject, ignored -> new ConcurrentHashMap<>()).computeIfAbsent(schema, s -> {
            byId.add(s);
            return byId.size();
        });
    }

    @Override
    public int getId(String subject, Schema schema) {
        requireReachable();
        Integer id = bySubject.getOrDefault(subject, Map.of()).get(schema);
        if (id == null) {
            throw new SchemaRegistryException("no schema under " + subject, 404, SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "not found", null);
        }
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        requireReachable();
        if (id < 1 || id > byId.size()) {
            throw new SchemaRegistryException("no schema " + id, 404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "not found", null);
        }
        return byId.get(id - 1);
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public CompatibilityLevel getGlobalCompatibility() {
        return CompatibilityLevel.NONE;
    }

    @Override
    public CompatibilityLevel setGlobalCompatibility(CompatibilityLevel level) {
        return level;
    }

    @Override
    public Optional<CompatibilityLevel> getSubjectCompatibility(String subject) {
        return Optional.empty();
    }

    @Override
    public CompatibilityLevel setSubjectCompatibility(String subject, CompatibilityLevel level) {
        return level;
    }

    @Override
    public void close() {
    }

    private void requireReachable() {
        if (unreachable) {
            throw new SchemaRegistryException("the registry did not answer", SchemaRegistryException.NO_RESPONSE,
                    SchemaRegistryException.NO_RESPONSE, "", null);
        }
    }
}
