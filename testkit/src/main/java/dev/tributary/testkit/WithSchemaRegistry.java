package dev.tributary.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real schema registry (Apicurio Registry, in-memory, BACKWARD compatibility by default)
 * speaking the Confluent REST API on 127.0.0.1. One registry serves the whole test run: tests use subjects of
 * their own. Declare a {@code String} parameter annotated {@link SchemaRegistryUrl} to receive its URL.
 *
 * <pre>{@code
 * @WithSchemaRegistry
 * class SerdeIT {
 *     @Test
 *     void roundTrips(@SchemaRegistryUrl String registry) { ... }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SchemaRegistryExtension.class)
public @interface WithSchemaRegistry {
}
