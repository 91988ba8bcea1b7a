package dev.tributary.ingest.publish;

import java.util.Objects;

/**
 * Whether a publisher can take events now, with a one-line reason for an operator.
 *
 * @param ready  whether Kafka answered the publisher's last reachability probe
 * @param detail why, for a health endpoint: {@code kafka reachable} or what the last probe failed with
 */
public record Readiness(boolean ready, String detail) {

    public Readiness {
        Objects.requireNonNull(detail, "detail of a readiness");
    }
}
