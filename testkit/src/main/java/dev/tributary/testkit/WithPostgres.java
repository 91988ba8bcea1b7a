package dev.tributary.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a running {@link PostgresServer}, shared by every class of the test run that asks for one (a
 * cluster takes a few seconds to create): give each test tables or databases of its own. Declare a {@code String}
 * parameter annotated {@link PostgresUrl} to receive its JDBC URL, or a {@code PostgresServer} parameter for its
 * user, password and port.
 *
 * <p>Where PostgreSQL is not installed the class is skipped, with the message {@value PostgresServer#NOT_FOUND}.
 *
 * <pre>{@code
 * @WithPostgres
 * class UpsertIT {
 *     @Test
 *     void upserts(@PostgresUrl String url, PostgresServer server) {
 *         try (Connection c = DriverManager.getConnection(url, server.user(), server.password())) { ... }
 *     }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresExtension.class)
public @interface WithPostgres {
}
