package dev.tributary.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class its own {@link MosquittoBroker}, started before the class's first test and stopped after its
 * last. Declare a {@code String} or {@code URI} parameter annotated {@link MqttBrokerUrl} to receive its URL, or a
 * {@code MosquittoBroker} parameter for its host and port.
 *
 * <p>Where mosquitto is not installed the class is skipped, with the message {@value MosquittoBroker#NOT_FOUND}.
 *
 * <pre>{@code
 * @WithMosquitto
 * class BridgeIT {
 *     @Test
 *     void bridges(@MqttBrokerUrl String broker) { ... }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MosquittoExtension.class)
public @interface WithMosquitto {

    /** Further lines of {@code mosquitto.conf}, such as {@code max_inflight_messages 10}. */
    String[] config() default {};
}
