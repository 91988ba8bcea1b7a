package dev.tributary.schemas.registry;

import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The operations of a Confluent-compatible schema registry that Tributary uses.
 *
 * <p>Implementations are thread-safe. Schema ids are global in the registry and never change meaning, so
 * {@link #register}, {@link #getId} and {@link #getById} may answer from a cache; {@link #getLatestVersion},
 * {@link #testCompatibility} and the configuration calls always ask the registry, because their answers change.
 *
 * <p>Every method throws {@link SchemaRegistryException} when the registry refuses the request or cannot be
 * reached.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /**
     * Registers {@code schema} under {@code subject}, or finds it if it is already registered there, and returns
     * its id. Registering is idempotent: the same schema always gets the same id.
     *
     * @throws SchemaRegistryException {@link SchemaRegistryException#isIncompatible()} when the subject's
     *         compatibility level rejects the schema
     */
    int register(String subject, Schema schema);

    /**
     * The id of {@code schema} as registered under {@code subject}, without registering it.
     *
     * @throws SchemaRegistryException {@link SchemaRegistryException#isNotFound()} when the subject does not
     *         exist or does not hold the schema
     */
    int getId(String subject, Schema schema);

    /**
     * The schema with the global id {@code id}.
     *
     * @throws SchemaRegistryException {@link SchemaRegistryException#isSchemaNotFound()} for an unknown id
     */
    Schema getById(int id);

    /**
     * The latest version registered under {@code subject}.
     *
     * @throws SchemaRegistryException {@link SchemaRegistryException#isSubjectNotFound()} for an unknown subject
     */
    RegisteredSchema getLatestVersion(String subject);

    /**
     * Whether {@code schema} could be registered under {@code subject} as its next version, by the subject's
     * compatibility level, compared with the latest version; registers nothing.
     */
    CompatibilityResult testCompatibility(String subject, Schema schema);

    /** The registry-wide compatibility level, which applies to subjects without a level of their own. */
    CompatibilityLevel getGlobalCompatibility();

    /** Sets the registry-wide compatibility level and returns the level the registry now applies. */
    CompatibilityLevel setGlobalCompatibility(CompatibilityLevel level);

    /**
     * The compatibility level set on {@code subject} itself; empty when the subject follows the global level
     * (Confluent answers 404 then). Apicurio's {@code ccompat} API answers {@code NONE} for a subject without a
     * level of its own, so there an empty result never occurs and {@code NONE} means "not set".
     */
    Optional<CompatibilityLevel> getSubjectCompatibility(String subject);

    /**
     * Sets the compatibility level of {@code subject} and returns the level the registry now applies to it.
     * Apicurio's {@code ccompat} API stores {@code NONE} as "no level of its own", so there the global level
     * keeps applying to the subject.
     */
    CompatibilityLevel setSubjectCompatibility(String subject, CompatibilityLevel level);

    /** Releases the client's connections; the client must not be used afterwards. */
    @Override
    void close();
}
