package dev.tributary.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.launcher.config.FunctionCode;
import dev.tributary.sdk.FunctionLifecycle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionLoaderTest {

    @TempDir
    Path dir;

    private final FunctionLoader loader = new FunctionLoader();

    @Test
    void eachJarLoadsInItsOwnClassLoaderSoSameNamedDependenciesDoNotClash() throws Exception {
        Path first = functionJar("first", "one");
        Path second = functionJar("second", "two");

        FunctionLifecycle a = loader.instantiate("a", new FunctionCode.InProcess("fn.Handler", Optional.of(first)));
        FunctionLifecycle b = loader.instantiate("b", new FunctionCode.InProcess("fn.Handler", Optional.of(second)));

        assertThat(a.toString()).isEqualTo("one");
        assertThat(b.toString()).isEqualTo("two");
        assertThat(a.getClass().getClassLoader()).isNotSameAs(b.getClass().getClassLoader());
    }

    @Test
    void aMissingClassNamesTheSettingAndWhereItLooked() {
        assertThatThrownBy(() -> loader.instantiate("f", new FunctionCode.InProcess("com.example.Missing", Optional.empty())))
                .isInstanceOf(ClassNotFoundException.class)
                .hasMessage("functions[f].handler: class com.example.Missing is not on the classpath");
    }

    @Test
    void aClassThatIsNotAFunctionIsRejected() {
        assertThatThrownBy(() -> loader.instantiate("f", new FunctionCode.InProcess("java.lang.Object", Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not implement EventFunction or AsyncEventFunction");
    }

    /** A jar with fn.Handler (a function) and fn.Helper, a dependency whose text differs from jar to jar. */
    private Path functionJar(String name, String helperText) throws IOException {
        Path sources = Files.createDirectories(dir.resolve(name + "-src/fn"));
        Files.writeString(sources.resolve("Helper.java"),
                "package fn; public class Helper { static String text() { return \"" + helperText + "\"; } }");
        Files.writeString(sources.resolve("Handler.java"), """
                package fn;
                public class Handler implements dev.tributary.sdk.EventFunction<byte[]> {
                    public void handle(dev.tributary.sdk.Event<byte[]> event, dev.tributary.sdk.Context context) { }
                    public String toString() { return Helper.text(); }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"),
                sources.resolve("Helper.java").toString(), sources.resolve("Handler.java").toString());
        assertThat(status).as("compiling the test function").isZero();
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
