package dev.tributary.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the server of {@link WithPostgres} once per test run, in the root store, which stops it and deletes its
 * cluster when the run ends. Without PostgreSQL installed, the class is skipped before any other extension starts
 * anything (such as a Kafka cluster), and each of its tests is reported as skipped with
 * {@value PostgresServer#NOT_FOUND}.
 */
public final class PostgresExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return PostgresServer.binDirectory().isPresent()
                ? ConditionEvaluationResult.enabled("PostgreSQL is installed")
                : ConditionEvaluationResult.disabled(PostgresServer.NOT_FOUND);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PostgresServer.class || (type == String.class && parameter.isAnnotated(PostgresUrl.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PostgresServer server = server(context);
        return parameter.getParameter().getType() == PostgresServer.class ? server : server.jdbcUrl();
    }

    private static PostgresServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningServer.class, ignored -> RunningServer.start(), RunningServer.class)
                .server();
    }

    /** The server and the folder it lives in, which goes when the server stops: a cluster is tens of megabytes. */
    private record RunningServer(PostgresServer server, Path workDir) implements AutoCloseable {

        static RunningServer start() {
            try {
                Path workDir = Files.createTempDirectory("tributary-postgres-");
                return new RunningServer(PostgresServer.start(workDir), workDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            deleteRecursively(workDir);
        }

        private static void deleteRecursively(Path root) throws IOException {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }
}
