/**
 * A client for the Confluent Schema Registry REST API ({@code application/vnd.schemaregistry.v1+json}), the
 * API that Confluent Schema Registry, Apicurio Registry's {@code ccompat} API, Karapace and Redpanda all serve.
 *
 * <p>{@link dev.tributary.schemas.registry.SchemaRegistryClient} is the seam the serdes use;
 * {@link dev.tributary.schemas.registry.HttpSchemaRegistryClient} implements it over the JDK's HTTP client
 * with bounded caches and retries, configured by an immutable
 * {@link dev.tributary.schemas.registry.SchemaRegistrySettings}. Failures are
 * {@link dev.tributary.schemas.registry.SchemaRegistryException}s that carry the registry's status and error code.
 * {@link dev.tributary.schemas.registry.SubjectNameStrategy} names the subject a topic's schemas live under.
 */
package dev.tributary.schemas.registry;
