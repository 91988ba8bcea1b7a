package dev.tributary.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/** Waits until a cluster serves metadata with the expected number of live brokers. */
public final class KafkaReadiness {

    private static final Duration ATTEMPT = Duration.ofSeconds(1);
    private static final Duration PAUSE = Duration.ofMillis(50);

    private KafkaReadiness() {
    }

    /**
     * Returns once {@code expectedBrokers} brokers answer a metadata request through {@code bootstrapServers}.
     *
     * @param starting polled between attempts; when it turns false (the process died) waiting stops at once
     * @throws TimeoutException when the cluster is not ready within {@code timeout}
     * @throws IllegalStateException when {@code starting} turned false
     */
    public static void await(String bootstrapServers, int expectedBrokers, Duration timeout, BooleanSupplier starting)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        InetSocketAddress first = firstAddress(bootstrapServers);
        // Wait for the socket before creating a client, which would log a warning per refused connection.
        while (!accepts(first)) {
            pauseOrFail(deadline, starting, bootstrapServers, timeout);
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis()))) {
            while (true) {
                if (liveBrokers(admin) >= expectedBrokers) {
                    return;
                }
                pauseOrFail(deadline, starting, bootstrapServers, timeout);
            }
        }
    }

    private static int liveBrokers(Admin admin) throws InterruptedException {
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) ATTEMPT.toMillis()))
                    .nodes().get(ATTEMPT.toMillis() * 2, TimeUnit.MILLISECONDS);
            return nodes.size();
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        }
    }

    private static void pauseOrFail(long deadline, BooleanSupplier starting, String bootstrapServers, Duration timeout)
            throws TimeoutException, InterruptedException {
        if (!starting.getAsBoolean()) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " stopped while starting");
        }
        if (System.nanoTime() - deadline > 0) {
            throw new TimeoutException("Kafka at " + bootstrapServers + " was not ready within " + timeout);
        }
        LockSupport.parkNanos(PAUSE.toNanos());
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting for Kafka at " + bootstrapServers);
        }
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) ATTEMPT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetSocketAddress firstAddress(String bootstrapServers) {
        String first = bootstrapServers.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        return new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
    }
}
