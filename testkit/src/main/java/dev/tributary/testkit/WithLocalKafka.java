package dev.tributary.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a started {@link LocalKafka}: declare a {@code LocalKafka} parameter on a constructor,
 * a lifecycle method or a test method, or a {@code String} parameter annotated {@link BootstrapServers}.
 *
 * <pre>{@code
 * @WithLocalKafka
 * class OrderingIT {
 *     @Test
 *     void keepsKeyOrder(@BootstrapServers String bootstrap) { ... }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalKafkaExtension.class)
public @interface WithLocalKafka {

    /** How many brokers; more than one adds a separate controller node. */
    int brokers() default 1;

    /**
     * Server properties as {@code name=value}, for every node. Classes that share a cluster per run
     * share it only with classes that ask for the same brokers and properties.
     */
    String[] properties() default {};

    /** Whether the cluster lives for this test class or for the whole test run. */
    Scope scope() default Scope.CLASS;

    /** The lifetime of a cluster. */
    enum Scope {
        /** Started before the class's first test, stopped after its last: tests that stop brokers use this. */
        CLASS,
        /** Started once and shared by every class of the run with the same settings: fastest. */
        RUN
    }
}
