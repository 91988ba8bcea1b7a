package dev.tributary.testkit;

import dev.tributary.embedded.SchemaRegistryProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the registry of {@link WithSchemaRegistry} once per test run, in the root store, which closes it
 * when the run ends.
 */
public final class SchemaRegistryExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SchemaRegistryExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        registry(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == String.class && parameter.isAnnotated(SchemaRegistryUrl.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return registry(context).url();
    }

    private static SchemaRegistryProcess registry(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SchemaRegistryProcess.class,
                ignored -> start(), SchemaRegistryProcess.class);
    }

    private static SchemaRegistryProcess start() {
        try {
            return SchemaRegistryProcess.builder(Files.createTempDirectory("tributary-registry-").resolve("registry.log"))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the schema registry", e);
        }
    }
}
