package dev.tributary.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter that receives the JDBC URL of the {@link WithPostgres} server's {@code postgres}
 * database, e.g. {@code jdbc:postgresql://127.0.0.1:41532/postgres}; connect as {@link PostgresServer#user()} with
 * {@link PostgresServer#password()}.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface PostgresUrl {
}
