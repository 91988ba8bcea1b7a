package dev.tributary.connectors.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of the broker, to take the network away from the sink and give it back:
 * {@link #cut()} resets every relayed connection (RST, no MQTT DISCONNECT) and refuses new ones until
 * {@link #restore()}, on the same port, so the client's reconnects find the broker again.
 */
final class MqttLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int brokerPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    private MqttLink(ServerSocket listener, int brokerPort) {
        this.listener = listener;
        this.brokerPort = brokerPort;
    }

    static MqttLink to(int brokerPort) throws IOException {
        MqttLink link = new MqttLink(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), brokerPort);
        Thread.ofVirtual().name("mqtt-link-accept").start(link::accept);
        return link;
    }

    /** The URL a client uses to reach the broker through the link. */
    String url() {
        return "mqtt://127.0.0.1:" + listener.getLocalPort();
    }

    /** Resets every connection at once and refuses new ones. */
    void cut() {
        cut = true;
        sockets.forEach(MqttLink::reset);
        sockets.clear();
    }

    void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closed already.
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    reset(client);
                    continue;
                }
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
                sockets.add(client);
                sockets.add(broker);
                Thread.ofVirtual().start(() -> relay(client, broker));
                Thread.ofVirtual().start(() -> relay(broker, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void relay(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException cutOff) {
            // Reset or closed by either side.
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // Closed already.
        }
    }
}
