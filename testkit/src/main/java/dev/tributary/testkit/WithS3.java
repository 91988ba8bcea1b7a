package dev.tributary.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real S3 API server ({@link S3ProxyServer}: s3proxy, in memory) on 127.0.0.1. One server
 * serves the whole test run: tests use buckets of their own. Declare a {@code URI} or {@code String} parameter
 * annotated {@link S3Endpoint} to receive its endpoint, or an {@link S3ProxyServer} parameter; clients sign with
 * {@link S3ProxyServer#ACCESS_KEY} and {@link S3ProxyServer#SECRET_KEY} and use path-style addressing.
 *
 * <pre>{@code
 * @WithS3
 * class PollingIT {
 *     @Test
 *     void seesNewObjects(@S3Endpoint URI s3) { ... }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(S3Extension.class)
public @interface WithS3 {
}
