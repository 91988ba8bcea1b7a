package dev.tributary.ingest.publish.internal;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Probes with Admin describeCluster: a cheap metadata request that any broker answers, and that fails when none
 * can be reached within the timeout. It needs no ACL beyond what every client has.
 */
public final class AdminClusterProbe implements ClusterProbe, AutoCloseable {

    private final Admin admin;

    public AdminClusterProbe(Admin admin) {
        this.admin = admin;
    }

    @Override
    public CompletionStage<?> probe(Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        return admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).nodes().toCompletionStage()
                .thenAccept(nodes -> {
                    if (nodes.isEmpty()) {
                        throw new IllegalStateException("the cluster reports no live brokers");
                    }
                });
    }

    @Override
    public void close() {
        admin.close(Duration.ZERO);
    }
}
