package dev.tributary.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the broker of {@link WithMosquitto} for a test class and resolves it as a parameter. The broker is kept in
 * the class's store, which closes it after the class's last test. Without mosquitto installed, the class's tests are
 * aborted by an assumption and reported as skipped.
 */
public final class MosquittoExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MosquittoExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Assumptions.assumeTrue(MosquittoBroker.executable().isPresent(), MosquittoBroker.NOT_FOUND);
        broker(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MosquittoBroker.class
                || ((type == String.class || type == URI.class) && parameter.isAnnotated(MqttBrokerUrl.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        MosquittoBroker broker = broker(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == MosquittoBroker.class) {
            return broker;
        }
        return type == URI.class ? URI.create(broker.url()) : broker.url();
    }

    private static MosquittoBroker broker(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        WithMosquitto settings = AnnotationSupport.findAnnotation(testClass, WithMosquitto.class)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        testClass.getName() + " uses MosquittoExtension without @WithMosquitto"));
        return classContext(context).getStore(NAMESPACE).getOrComputeIfAbsent(MosquittoBroker.class,
                ignored -> start(List.of(settings.config())), MosquittoBroker.class);
    }

    private static MosquittoBroker start(List<String> config) {
        try {
            return MosquittoBroker.start(Files.createTempDirectory("tributary-mosquitto-"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
