package dev.tributary.ingest.http;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Another adapter's endpoint served by the HTTP adapter, such as a bucket's notifications at
 * {@code POST /storage/{name}}: behind the same API keys (a key must be allowed {@code topic}), with the same body
 * size limit and meters. The handler answers every body, success or not, with a JSON reply.
 *
 * @param path    the exact path, such as {@code /storage/uploads}
 * @param topic   the topic the handler writes, which a caller's API key must allow
 * @param handler the body's answer, once the events are on Kafka or refused
 */
public record MountedEndpoint(String path, String topic, Function<byte[], CompletionStage<Answer>> handler) {

    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");

    public MountedEndpoint {
        Objects.requireNonNull(path, "path of a mounted endpoint");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("path '" + path + "' of a mounted endpoint is not like /storage/name");
        }
        TopicNames.require(topic, "topic of " + path);
        Objects.requireNonNull(handler, "handler of " + path);
    }

    /**
     * @param status   the HTTP status
     * @param headers  headers besides {@code Content-Type}, which is {@code application/json}
     * @param jsonBody the body, a JSON document
     */
    public record Answer(int status, Map<String, String> headers, String jsonBody) {

        public Answer {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(jsonBody, "jsonBody");
        }
    }
}
