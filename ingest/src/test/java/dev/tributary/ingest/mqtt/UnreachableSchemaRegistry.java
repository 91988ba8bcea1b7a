package dev.tributary.ingest.mqtt;

import dev.tributary.schemas.registry.InMemorySchemaRegistry;
import dev.tributary.schemas.registry.SchemaRegistryException;
import org.apache.avro.Schema;

/**
 * A schema registry in memory that can be cut off: while {@link #unreachable(boolean)} is on, every lookup fails as a
 * registry without an answer would.
 */
public final class UnreachableSchemaRegistry extends InMemorySchemaRegistry {

    private volatile boolean unreachable;

    public UnreachableSchemaRegistry unreachable(boolean unreachable) {
        this.unreachable = unreachable;
        return this;
    }

    @Override
    public int register(String subject, Schema schema) {
        requireReachable();
        return super.register(subject, schema);
    }

    @Override
    public int getId(String subject, Schema schema) {
        requireReachable();
        return super.getId(subject, schema);
    }

    @Override
    public Schema getById(int id) {
        requireReachable();
        return super.getById(id);
    }

    private void requireReachable() {
        if (unreachable) {
            throw new SchemaRegistryException("the registry did not answer", SchemaRegistryException.NO_RESPONSE,
                    SchemaRegistryException.NO_RESPONSE, "", null);
        }
    }
}
