package dev.tributary.bench.ingest.child;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The event payloads every contender sends: distinct strings of random letters and digits, one file line each, so
 * that ProducerPerformance ({@code --payload-file}) and the load generators write the same bytes. Taking them from a
 * pool costs nothing per event, where ProducerPerformance's own {@code --record-size} draws a random number for every
 * byte of every record, CPU that the other contenders do not spend. Drawn from 62 symbols, they hardly compress under
 * LZ4, which finds repeats only, and the pool is large enough that a 64 KiB batch seldom holds one twice.
 */
public final class PayloadPool {

    /** About this many bytes per pool: 10,000 payloads of 1 KB, 100,000 of 100 bytes. */
    private static final int POOL_BYTES = 10 * 1024 * 1024;
    private static final byte[] SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            .getBytes(StandardCharsets.US_ASCII);

    private final byte[][] payloads;

    private PayloadPool(byte[][] payloads) {
        this.payloads = payloads;
    }

    /** A pool of payloads of {@code size} bytes, the same for the same seed. */
    public static PayloadPool random(int size, long seed) {
        Random random = new Random(seed);
        byte[][] payloads = new byte[Math.max(1_000, POOL_BYTES / size)][size];
        for (byte[] payload : payloads) {
            for (int i = 0; i < size; i++) {
                payload[i] = SYMBOLS[random.nextInt(SYMBOLS.length)];
            }
        }
        return new PayloadPool(payloads);
    }

    public static PayloadPool read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        return new PayloadPool(lines.stream().map(line -> line.getBytes(StandardCharsets.US_ASCII))
                .toArray(byte[][]::new));
    }

    /** One payload a line, as ProducerPerformance's {@code --payload-file} reads it. */
    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(payloads.length * (payloads[0].length + 1));
        for (byte[] payload : payloads) {
            text.append(new String(payload, StandardCharsets.US_ASCII)).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    /** The payload for the {@code n}-th event: the pool in turn, from any start. */
    public byte[] get(long n) {
        return payloads[(int) Math.floorMod(n, (long) payloads.length)];
    }

    public int count() {
        return payloads.length;
    }
}
