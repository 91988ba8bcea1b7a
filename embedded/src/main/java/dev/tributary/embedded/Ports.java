package dev.tributary.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports for servers that must know their port before they start. */
public final class Ports {

    private Ports() {
    }

    /**
     * A port that was free on 127.0.0.1 a moment ago. Kafka needs its ports in its configuration before it
     * binds them, and a restarted broker must come back on the same ones, so it cannot bind port 0 itself.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** Whether a server could bind {@code port} on 127.0.0.1 now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As servers do: connections of an earlier process in TIME_WAIT must not make the port look taken.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(loopback(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a {@link PortInUseException} when {@code port} is taken. */
    public static void requireFree(int port, String setting) {
        if (!isFree(port)) {
            throw new PortInUseException(port, setting);
        }
    }

    /** {@code port} itself when it is 0 (any free port) or a valid port number. */
    public static int checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port must be between 0 and 65535, not " + port);
        }
        return port;
    }

    private static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
