package dev.tributary.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the cluster that {@link WithLocalKafka} asks for and resolves it as a parameter. The cluster is
 * kept in the class's store, or in the root store for {@link WithLocalKafka.Scope#RUN}; JUnit closes it
 * when that store is closed.
 */
public final class LocalKafkaExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalKafkaExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalKafka.class
                || (type == String.class && parameter.isAnnotated(BootstrapServers.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalKafka kafka = cluster(context);
        return parameter.getParameter().getType() == LocalKafka.class ? kafka : kafka.bootstrapServers();
    }

    private static LocalKafka cluster(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        WithLocalKafka settings = AnnotationSupport.findAnnotation(testClass, WithLocalKafka.class)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        testClass.getName() + " uses LocalKafkaExtension without @WithLocalKafka"));
        Map<String, String> properties = parse(settings.properties(), testClass);
        ExtensionContext owner = settings.scope() == WithLocalKafka.Scope.RUN ? context.getRoot() : classContext(context);
        String key = settings.brokers() + " brokers " + properties;
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key,
                ignored -> LocalKafka.builder().brokers(settings.brokers()).brokerProperties(properties).start(),
                LocalKafka.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static Map<String, String> parse(String[] properties, Class<?> testClass) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String property : properties) {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw new ExtensionConfigurationException("@WithLocalKafka(properties) of " + testClass.getName()
                        + ": '" + property + "' is not name=value");
            }
            parsed.put(property.substring(0, equals).trim(), property.substring(equals + 1).trim());
        }
        return parsed;
    }
}
