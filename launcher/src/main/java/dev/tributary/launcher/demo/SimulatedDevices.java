package dev.tributary.launcher.demo;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fleet's devices as MQTT 5 clients: each connects to the MQTT endpoint and publishes its readings to
 * {@code devices/<id>/telemetry} at QoS 1, all devices together, one round every {@code interval}, each reading
 * stamped with the time it is sent. A reading counts as ingested once the endpoint acknowledged it, which it does only
 * once Kafka has it.
 */
public final class SimulatedDevices {

    private final DeviceFleet fleet;
    private final int mqttPort;
    private final Duration interval;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicReference<String> lastRefusal = new AtomicReference<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    public SimulatedDevices(DeviceFleet fleet, int mqttPort, Duration interval) {
        this.fleet = fleet;
        this.mqttPort = mqttPort;
        this.interval = interval;
    }

    /** Starts publishing on a thread of its own; {@link #finished()} completes when every reading is answered. */
    public SimulatedDevices start() {
        Thread.ofPlatform().daemon().name("tributary-demo-devices").start(() -> {
            try {
                run();
                finished.complete(null);
            } catch (Throwable e) {
                finished.completeExceptionally(e);
            }
        });
        return this;
    }

    private void run() throws Exception {
        List<Mqtt5AsyncClient> clients = new ArrayList<>();
        List<CompletableFuture<?>> connects = new ArrayList<>();
        for (int device = 0; device < fleet.devices(); device++) {
            Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5().identifier(fleet.deviceId(device))
                    .serverHost("127.0.0.1").serverPort(mqttPort).buildAsync();
            clients.add(client);
            connects.add(client.connect());
        }
        CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        List<Random> randoms = new ArrayList<>();
        for (int device = 0; device < fleet.devices(); device++) {
            randoms.add(new Random(device));
        }
        List<CompletableFuture<?>> publishes = new ArrayList<>();
        long start = System.nanoTime();
        for (int reading = 0; reading < fleet.readingsPerDevice(); reading++) {
            long due = start + reading * interval.toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            for (int device = 0; device < fleet.devices(); device++) {
                String payload = fleet.payload(device, reading, System.currentTimeMillis(), randoms.get(device));
                sent.incrementAndGet();
                publishes.add(clients.get(device).publishWith()
                        .topic("devices/" + fleet.deviceId(device) + "/telemetry")
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .payload(payload.getBytes(StandardCharsets.UTF_8))
                        .send()
                        .whenComplete(this::answered));
            }
        }
        try {
            CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            clients.forEach(client -> client.disconnect().exceptionally(error -> null));
        }
    }

    private void answered(Mqtt5PublishResult result, Throwable error) {
        Throwable failure = error != null ? error : result.getError().orElse(null);
        if (failure == null) {
            acknowledged.incrementAndGet();
        } else {
            refused.incrementAndGet();
            lastRefusal.set(String.valueOf(failure.getMessage()));
        }
    }

    public int sent() {
        return sent.get();
    }

    /** Readings the MQTT endpoint acknowledged: in Kafka. */
    public int acknowledged() {
        return acknowledged.get();
    }

    /** Readings the endpoint refused or that were lost with their connection. */
    public int refused() {
        return refused.get();
    }

    public String lastRefusal() {
        return lastRefusal.get();
    }

    public CompletableFuture<Void> finished() {
        return finished;
    }
}
