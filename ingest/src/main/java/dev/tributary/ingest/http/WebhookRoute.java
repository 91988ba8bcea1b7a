package dev.tributary.ingest.http;

import java.util.Objects;
import java.util.Optional;

/**
 * A webhook endpoint, {@code POST /webhooks/{name}}: requests signed by their sender, written to one topic as
 * CloudEvents of source {@code /tributary/http/webhooks/{name}}, whatever their body.
 *
 * @param name       the last path segment: letters, digits, '.', '_' and '-'
 * @param topic      where the events go
 * @param signature  how requests are signed; a request without a valid signature is 401
 * @param eventType  the CloudEvents type of the events, such as {@code com.github.push}
 * @param idHeader   a request header whose value becomes the event id, such as GitHub's {@code X-GitHub-Delivery},
 *                   so that a redelivered webhook keeps its id and consumers can drop the duplicate; without it,
 *                   or when a request lacks the header, the id is a random UUID
 * @param keyPointer a JSON Pointer into a JSON body whose value becomes the record key, such as
 *                   {@code /repository/full_name}; without it events have no key
 */
public record WebhookRoute(String name, String topic, WebhookSignature signature, String eventType,
                           Optional<String> idHeader, Optional<String> keyPointer) {

    public WebhookRoute {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("webhook name '" + name + "' cannot be a path segment; use 1 to 100 "
                    + "letters, digits, '.', '_' and '-'");
        }
        TopicNames.require(topic, "topic of webhook " + name);
        Objects.requireNonNull(signature, "signature of webhook " + name + ": unsigned webhooks are not accepted");
        if (eventType == null || eventType.isBlank()) {
            throw new IllegalArgumentException("webhook " + name + " needs an event type, such as com.github.push");
        }
        Objects.requireNonNull(idHeader, "idHeader of webhook " + name + " (Optional.empty() for none)");
        Objects.requireNonNull(keyPointer, "keyPointer of webhook " + name + " (Optional.empty() for none)");
        keyPointer.ifPresent(pointer -> KeyPointers.require(pointer, "keyPointer of webhook " + name));
    }

    /** A webhook with a random id per request and no key. */
    public static WebhookRoute of(String name, String topic, WebhookSignature signature, String eventType) {
        return new WebhookRoute(name, topic, signature, eventType, Optional.empty(), Optional.empty());
    }
}
