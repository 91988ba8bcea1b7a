package dev.tributary.testkit;

import dev.tributary.embedded.PortInUseException;
import dev.tributary.embedded.S3Process;
import java.net.URI;
import java.nio.file.Path;

/**
 * A real S3 API server for tests: the embedded {@link S3Process} (s3proxy) with its objects in memory, in a child JVM
 * on 127.0.0.1 and a free port. Clients sign requests (AWS signature v2 or v4) with {@link #ACCESS_KEY} and
 * {@link #SECRET_KEY}, in any region, and must use path-style addressing ({@code forcePathStyle(true)} in the AWS
 * SDK), since the server has no DNS name for virtual hosts.
 *
 * <p>What it does not do: bucket notifications (it accepts no notification configuration), and {@code LastModified}
 * has whole seconds only. Objects are gone when it stops. If the test JVM dies, the server exits on its own.
 *
 * <pre>{@code
 * try (S3ProxyServer s3 = S3ProxyServer.start(logDir)) {
 *     S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true)...
 * }
 * }</pre>
 */
public final class S3ProxyServer implements AutoCloseable {

    /** The access key id the server accepts. */
    public static final String ACCESS_KEY = S3Process.ACCESS_KEY;
    /** The secret access key the server accepts. */
    public static final String SECRET_KEY = S3Process.SECRET_KEY;
    /** A region to sign with; the server accepts any. */
    public static final String REGION = S3Process.REGION;

    private static final int START_ATTEMPTS = 3;

    private final S3Process process;

    private S3ProxyServer(S3Process process) {
        this.process = process;
    }

    /**
     * Starts a server and returns once it answers HTTP requests (about 1.5 s).
     *
     * @param workDir where its configuration and log ({@code s3proxy.log}) go
     * @throws IllegalStateException when it does not start; the message holds the end of its log
     */
    public static S3ProxyServer start(Path workDir) {
        PortInUseException last = null;
        // The free port is chosen before the server binds it: another process may take it in between.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return new S3ProxyServer(S3Process.builder(workDir).inMemory().build().start());
            } catch (PortInUseException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for s3proxy", e);
            }
        }
        throw last;
    }

    /** The server's base URL, such as {@code http://127.0.0.1:41234}, for {@code endpointOverride}. */
    public URI endpoint() {
        return process.endpoint();
    }

    public Path logFile() {
        return process.logFile();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server (SIGTERM, then SIGKILL after ten seconds) and waits until it is gone. */
    @Override
    public void close() {
        process.close();
    }
}
