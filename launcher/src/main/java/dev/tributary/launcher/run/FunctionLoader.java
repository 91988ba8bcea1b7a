package dev.tributary.launcher.run;

import dev.tributary.launcher.config.FunctionCode;
import dev.tributary.sdk.FunctionLifecycle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import dev.tributary.sdk.stream.StreamFunction;

/**
 * Creates the instance of a function's handler class: from the launcher's classpath, or from the jar its
 * configuration names, in a class loader of that jar's own, so two functions' jars cannot see each other's
 * classes. The SDK and what the launcher itself carries come from the launcher.
 */
final class FunctionLoader {

    FunctionLifecycle instantiate(String functionName, FunctionCode.InProcess code) throws ReflectiveOperationException {
        return instantiate(functionName, "handler", code.handler(), code.jar(), FunctionLifecycle.class,
                "EventFunction or AsyncEventFunction");
    }

    StreamFunction instantiate(String functionName, FunctionCode.Stream code) throws ReflectiveOperationException {
        return instantiate(functionName, "stream", code.className(), code.jar(), StreamFunction.class,
                "StreamFunction");
    }

    private static <T> T instantiate(String functionName, String setting, String className, Optional<Path> jar,
                                     Class<T> kind, String kindName) throws ReflectiveOperationException {
        ClassLoader loader = jar.map(path -> loaderFor(functionName, path))
                .orElse(FunctionLoader.class.getClassLoader());
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException("functions[" + functionName + "]." + setting + ": class " + className
                    + " is not on the classpath" + jar.map(path -> " nor in " + path).orElse(""), e);
        }
        if (!kind.isAssignableFrom(type)) {
            throw new IllegalArgumentException("functions[" + functionName + "]." + setting + ": " + className
                    + " does not implement " + kindName);
        }
        return kind.cast(type.getDeclaredConstructor().newInstance());
    }

    private static ClassLoader loaderFor(String function, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new UncheckedIOException(new IOException("functions[" + function + "].jar: " + jar + " is not a file"));
        }
        try {
            return new URLClassLoader("function-" + function, new URL[] {jar.toUri().toURL()},
                    FunctionLoader.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
