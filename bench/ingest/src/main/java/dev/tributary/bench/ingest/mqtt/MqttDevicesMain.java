package dev.tributary.bench.ingest.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.tributary.bench.ingest.child.AckRecorder;
import dev.tributary.bench.ingest.child.ChildArgs;
import dev.tributary.bench.ingest.child.ChildLifecycle;
import dev.tributary.bench.ingest.child.LoadWindow;
import dev.tributary.bench.ingest.child.PayloadPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The MQTT devices JVM: MQTT 5 devices (HiveMQ's async client), one connection each, publishing at QoS 1 to
 * {@code devices/<device>/telemetry} with a bounded number of messages awaiting their PUBACK per device. Only a
 * PUBACK with a success code counts as acknowledged. Prints the measurement edges, then one {@code RESULT} line once
 * every message is answered, and exits.
 *
 * <p>Arguments: {@code --port --devices --in-flight --payload-file --warmup-ms --measure-ms --drain-ms}; the
 * payload file holds the payloads, one a line (see {@link PayloadPool}).
 */
public final class MqttDevicesMain {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private MqttDevicesMain() {
    }

    public static void main(String[] argv) throws Exception {
        ChildArgs args = ChildArgs.parse(argv);
        int port = args.integer("port");
        int count = args.integer("devices");
        PayloadPool payloads = PayloadPool.read(Path.of(args.text("payload-file")));

        List<Mqtt5AsyncClient> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            clients.add(MqttClient.builder().useMqttVersion5().identifier(deviceId(i))
                    .serverHost("127.0.0.1").serverPort(port).buildAsync());
        }
        // Every device connects before the clock starts: the warm-up is for publishing, not for connecting.
        CompletableFuture.allOf(clients.stream().map(Mqtt5AsyncClient::connect).toArray(CompletableFuture[]::new))
                .get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        LoadWindow window = LoadWindow.startingAt(System.nanoTime(), args.millis("warmup-ms"), args.millis("measure-ms"));
        AckRecorder recorder = new AckRecorder(window);
        int inFlight = args.integer("in-flight");
        for (int i = 0; i < count; i++) {
            Device device = new Device(clients.get(i), "devices/" + deviceId(i) + "/telemetry", payloads,
                    (long) i * payloads.count() / count, window, recorder);
            for (int k = 0; k < inFlight; k++) {
                device.publishNext();
            }
        }
        window.announce();
        recorder.awaitAnswers(args.millis("drain-ms"));
        ChildLifecycle.say(recorder.report().toLine());
        CompletableFuture.allOf(clients.stream().map(Mqtt5AsyncClient::disconnect).toArray(CompletableFuture[]::new))
                .get(10, TimeUnit.SECONDS);
        System.exit(0);
    }

    static String deviceId(int index) {
        return String.format("device-%03d", index);
    }
}
