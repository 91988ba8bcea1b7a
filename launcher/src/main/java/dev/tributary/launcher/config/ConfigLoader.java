package dev.tributary.launcher.config;

import dev.tributary.launcher.config.internal.ConfigSchema;
import dev.tributary.launcher.config.internal.Location;
import dev.tributary.launcher.config.internal.ReadContext;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code tributary.yaml} into a {@link TributaryConfig}, or fails with every error in the file at once, each
 * with its line, the setting's path and what is allowed.
 *
 * <p>{@code ${env:NAME}} in any string value is replaced by the environment variable {@code NAME}, read through
 * the function the caller passes: the launcher passes {@code System::getenv}, tests a map.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * @param file the configuration file; relative paths in it are relative to its folder
     * @param env  the value of an environment variable, or null when it is not set
     * @throws ConfigException when the file cannot be read, is not YAML, or holds invalid settings
     */
    public static TributaryConfig load(Path file, Function<String, String> env) throws ConfigException {
        Objects.requireNonNull(file, "file");
        Path folder = file.toAbsolutePath().getParent();
        return parse(file.toString(), read(file), folder, env);
    }

    /**
     * Reads configuration text.
     *
     * @param fileName the name error messages give the text
     * @param baseDir  the folder relative paths are relative to
     */
    static TributaryConfig parse(String fileName, String yaml, Path baseDir, Function<String, String> env)
            throws ConfigException {
        ReadContext context = new ReadContext(fileName, baseDir, env);
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            throw new ConfigException(List.of(syntaxError(fileName, e)));
        } catch (YAMLException e) {
            throw new ConfigException(List.of(new ConfigError(fileName, 0, "", "not valid YAML: " + e.getMessage())));
        }
        TributaryConfig config = root == null
                ? ConfigSchema.ROOT.defaults()
                : ConfigSchema.ROOT.read(root, Location.ROOT, context);
        if (!context.errors().isEmpty()) {
            throw new ConfigException(context.errors());
        }
        return config;
    }

    /**
     * SnakeYAML's problem, at the line where it was found, after the context when there is one: {@code while
     * scanning a quoted scalar (line 3), found unexpected end of stream}.
     */
    private static ConfigError syntaxError(String fileName, MarkedYAMLException e) {
        int line = line(e.getProblemMark());
        int contextLine = line(e.getContextMark());
        String context = e.getContext() == null ? ""
                : e.getContext() + (contextLine == 0 || contextLine == line ? "" : " (line " + contextLine + ")") + ", ";
        return new ConfigError(fileName, line, "", "YAML syntax error: " + context + e.getProblem());
    }

    /** SnakeYAML counts lines from 0; 0 here means no mark. */
    private static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    private static String read(Path file) throws ConfigException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw fileError(name, "is a folder, not a file");
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fileError(name, "no such file");
        } catch (AccessDeniedException e) {
            throw fileError(name, "permission denied");
        } catch (CharacterCodingException e) {
            throw fileError(name, "is not UTF-8 text");
        } catch (IOException e) {
            throw fileError(name, "cannot be read: " + e.getMessage());
        }
    }

    private static ConfigException fileError(String file, String message) {
        return new ConfigException(List.of(new ConfigError(file, 0, "", message)));
    }
}
