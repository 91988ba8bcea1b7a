package dev.tributary.bench.ingest.http;

import dev.tributary.bench.ingest.child.AckRecorder;
import dev.tributary.bench.ingest.child.ChildArgs;
import dev.tributary.bench.ingest.child.ChildLifecycle;
import dev.tributary.bench.ingest.child.LoadWindow;
import dev.tributary.bench.ingest.child.PayloadPool;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The HTTP load JVM: a fixed number of clients, each on its own keep-alive HTTP/1.1 connection, each posting one
 * binary-mode CloudEvent to {@code /events} and the next as soon as the answer arrives (a closed loop: the number of
 * requests in flight is the number of clients). Only 202 counts as acknowledged. Prints the measurement edges, then
 * one {@code RESULT} line once every request is answered, and exits.
 *
 * <p>The client is Vert.x's own HTTP client, the engine under its web client: the web client's interceptor chain
 * took close to half of the generator's CPU, and on cores shared with the adapter that CPU is the adapter's loss.
 *
 * <p>Arguments: {@code --port --clients --payload-file --warmup-ms --measure-ms --drain-ms}; the payload
 * file holds the bodies, one a line (see {@link PayloadPool})
 */
public final class HttpLoadMain {

    private HttpLoadMain() {
    }

    public static void main(String[] argv) throws IOException {
        ChildArgs args = ChildArgs.parse(argv);
        int clients = args.integer("clients");
        // One event loop: the generator shares two cores with the adapter and the broker, and one loop drives
        // 64 connections with room to spare.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient http = vertx.createHttpClient(new HttpClientOptions()
                        .setDefaultHost("127.0.0.1")
                        .setDefaultPort(args.integer("port"))
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true)
                        .setPipelining(false)
                        .setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(clients));
        PayloadPool payloads = PayloadPool.read(Path.of(args.text("payload-file")));
        Buffer[] bodies = new Buffer[payloads.count()];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = Buffer.buffer(payloads.get(i));
        }

        LoadWindow window = LoadWindow.startingAt(System.nanoTime(), args.millis("warmup-ms"), args.millis("measure-ms"));
        AckRecorder recorder = new AckRecorder(window);
        vertx.runOnContext(ignored -> {
            for (int i = 0; i < clients; i++) {
                // Each client starts at its own place in the pool, so that clients do not send the same bodies.
                new EventPoster(http, "c" + i + "-", bodies, (long) i * bodies.length / clients, window, recorder)
                        .next();
            }
        });
        window.announce();
        recorder.awaitAnswers(args.millis("drain-ms"));
        ChildLifecycle.say(recorder.report().toLine());
        System.exit(0);
    }
}
