package dev.tributary.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code URI} or {@code String} parameter that receives the endpoint of the {@link WithS3} server, e.g.
 * {@code http://127.0.0.1:41234}.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface S3Endpoint {
}
