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

/**
 * Creates the instance of a function's handler class: from the launcher's classpath, or from the jar its
 * configuration names, in a class loader of that jar's own, so two functions' jars cannot see each other's
 * classes. The SDK and what the launcher itself carries come from the launcher.
 */
final class FunctionLoader {

    FunctionLifecycle instantiate(String functionName, FunctionCode.InProcess code) throws ReflectiveOperationException {
        ClassLoader loader = code.jar().map(jar -> loaderFor(functionName, jar))
                .orElse(FunctionLoader.class.getClassLoader());
        Class<?> type;
        try {
            type = Class.forName(code.handler(), true, loader);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException("functions[" + functionName + "].handler: class " + code.handler()
                    + " is not on the classpath" + code.jar().map(jar -> " nor in " + jar).orElse(""), e);
        }
        if (!FunctionLifecycle.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("functions[" + functionName + "].handler: " + code.handler()
                    + " does not implement EventFunction or AsyncEventFunction");
        }
        return (FunctionLifecycle) type.getDeclaredConstructor().newInstance();
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
