package dev.tributary.launcher.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where a function's code runs: in this process (event by event, or as a Kafka Streams step), or behind a URL. */
public sealed interface FunctionCode {

    /**
     * A Java class written with the SDK, run in the dispatcher's process.
     *
     * @param handler the class that implements the function
     * @param jar     the jar that holds it, loaded in a class loader of its own; empty when it is on the launcher's
     *                class path
     */
    record InProcess(String handler, Optional<Path> jar) implements FunctionCode {
        public InProcess {
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(jar, "jar");
        }

        @Override
        public String toString() {
            return handler + jar.map(path -> " from " + path).orElse("");
        }
    }

    /**
     * A function in any language behind an HTTP endpoint, called with the CloudEvents HTTP binding.
     *
     * @param url           where events are POSTed
     * @param signingSecret when present, each request carries an HMAC-SHA256 of its body made with it
     */
    record Remote(URI url, Optional<String> signingSecret) implements FunctionCode {
        public Remote {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(signingSecret, "signingSecret");
        }

        @Override
        public String toString() {
            return url.toString();
        }
    }

    /**
     * A stateful step written with the Kafka Streams DSL ({@code StreamFunction}), run exactly once per record
     * with its state in a directory of this process.
     *
     * @param className the class that implements {@code StreamFunction}
     * @param jar       the jar that holds it; empty when it is on the launcher's class path
     */
    record Stream(String className, Optional<Path> jar) implements FunctionCode {
        public Stream {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(jar, "jar");
        }

        @Override
        public String toString() {
            return "stream " + className + jar.map(path -> " from " + path).orElse("");
        }
    }
}
