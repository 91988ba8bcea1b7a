package dev.tributary.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter that receives the base URL of the {@link WithSchemaRegistry} registry's
 * Confluent-compatible API, e.g. {@code http://127.0.0.1:40123/apis/ccompat/v7}.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SchemaRegistryUrl {
}
