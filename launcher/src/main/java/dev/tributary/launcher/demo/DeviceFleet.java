package dev.tributary.launcher.demo;

import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Which simulated device sends what: every fifth device runs hot, so that its windows alert; a few send one reading
 * out of range, which {@code validate-enrich} dead-letters, and a few send one payload that is not JSON, which the MQTT
 * endpoint puts on the invalid topic. Fixed by the device's number, so that every run sends the same kinds of readings.
 */
public record DeviceFleet(int devices, int readingsPerDevice) {

    public DeviceFleet {
        if (devices < 1 || readingsPerDevice < 1) {
            throw new IllegalArgumentException("a fleet needs at least one device and one reading per device");
        }
    }

    /** The device's id: pumps and fans, which the configuration places at two sites. */
    public String deviceId(int device) {
        return String.format(Locale.ROOT, "%s-%02d", device % 2 == 0 ? "pump" : "fan", device + 1);
    }

    public boolean runsHot(int device) {
        return device % 5 == 0;
    }

    /** Its fourth reading is 200 °C, outside the plausible range. */
    public boolean sendsTooHot(int device) {
        return device % 7 == 3;
    }

    /** Its eighth reading has 140 % humidity. */
    public boolean sendsTooHumid(int device) {
        return device % 8 == 1;
    }

    /** Its tenth reading is not JSON. */
    public boolean sendsGarbage(int device) {
        return device % 10 == 6;
    }

    public long count(java.util.function.IntPredicate kind) {
        return IntStream.range(0, devices).filter(kind).count();
    }

    public int totalReadings() {
        return devices * readingsPerDevice;
    }

    /** The payload of reading {@code reading} of {@code device}, taken at {@code epochMillis}. */
    public String payload(int device, int reading, long epochMillis, Random random) {
        if (sendsGarbage(device) && reading == Math.min(9, readingsPerDevice - 1)) {
            return "temperature=21.5;humidity=40 (not JSON)";
        }
        double temperature = runsHot(device) ? 33 + random.nextDouble() * 4 : 18 + device % 7 + random.nextDouble() * 2;
        double humidity = 35 + random.nextDouble() * 20;
        if (sendsTooHot(device) && reading == Math.min(3, readingsPerDevice - 1)) {
            temperature = 200;
        }
        if (sendsTooHumid(device) && reading == Math.min(7, readingsPerDevice - 1)) {
            humidity = 140;
        }
        return String.format(Locale.ROOT, "{\"deviceId\":\"%s\",\"timestamp\":%d,\"metrics\":{\"temperature_c\":%.1f,"
                + "\"humidity_pct\":%.1f,\"battery\":%.2f}}", deviceId(device), epochMillis, temperature, humidity,
                0.5 + random.nextDouble() / 2);
    }
}
