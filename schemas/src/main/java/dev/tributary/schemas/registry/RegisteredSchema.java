package dev.tributary.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A schema as registered under a subject: its global id, its version within the subject and the schema.
 *
 * @param subject the subject the schema is registered under
 * @param id      the schema's global id, the one the Confluent wire format carries
 * @param version the schema's version within the subject, from 1
 * @param schema  the schema
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {

    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
