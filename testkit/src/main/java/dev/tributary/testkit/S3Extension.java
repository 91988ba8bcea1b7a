package dev.tributary.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the server of {@link WithS3} once per test run, in the root store, which closes it when the run ends.
 */
public final class S3Extension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(S3Extension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == S3ProxyServer.class
                || ((type == URI.class || type == String.class) && parameter.isAnnotated(S3Endpoint.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        S3ProxyServer server = server(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == S3ProxyServer.class) {
            return server;
        }
        return type == URI.class ? server.endpoint() : server.endpoint().toString();
    }

    private static S3ProxyServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(S3ProxyServer.class,
                ignored -> start(), S3ProxyServer.class);
    }

    private static S3ProxyServer start() {
        try {
            return S3ProxyServer.start(Files.createTempDirectory("tributary-s3proxy-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
