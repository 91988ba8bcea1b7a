package dev.tributary.ingest.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random requests for the HTTP adapter from a seeded {@link Random}: mostly near-misses of valid requests (one
 * header wrong, a body cut short, a member of the wrong type) and some pure noise, so that both the parsers and
 * the checks behind them get exercised. The same seed gives the same requests.
 */
public final class RequestFuzzer {

    /** A generated request. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            return method + " " + path + " " + headers + " body=" + new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final List<String> OTHER_METHODS = List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final List<String> OTHER_PATHS = List.of("/topics/other", "/webhooks/none", "/health/ready",
            "/health/live", "/", "/events/", "/topics/", "/topics/raw/x", "/%2e%2e/events", "/EVENTS");
    private static final List<String> CONTENT_TYPES = List.of("application/cloudevents+json",
            "application/cloudevents+json; charset=utf-8", "application/cloudevents-batch+json",
            "application/cloudevents-batch+json; charset=UTF-8", "application/json", "text/plain",
            "application/cloudevents+xml", "application/cloudevents", "application/octet-stream",
            "application/cloudevents+json; charset=latin1", ";;;", "", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded", "APPLICATION/CLOUDEVENTS+JSON", "text/json; charset=\"utf-8\"");
    private static final List<String> ATTRIBUTE_VALUES = List.of("1.0", "0.3", "2.0", "", " ", "x", "%", "%4", "%zz",
            "caf%C3%A9", "%C3%28", "2024-01-31T09:30:00Z", "2024-13-01", "yesterday", "/source", "::not a uri::",
            "http://example.com/a b", "com.example.telemetry.reading", "com.example.order.created", "\u00e9",
            "0123456789abcdef0123456789abcdef0123456789");
    private static final List<String> ATTRIBUTE_NAMES = List.of("specversion", "id", "source", "type", "time",
            "subject", "datacontenttype", "dataschema", "partitionkey", "traceparent", "Bad_Name", "x-y",
            "averyveryverylongextensionname", "");
    private static final List<String> VALID_EVENTS = List.of(
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"com.example.telemetry.reading\","
                    + "\"data\":{\"deviceId\":\"d-1\",\"v\":1.5}}",
            "{\"specversion\":\"1.0\",\"id\":\"2\",\"source\":\"/s\",\"type\":\"com.example.order.created\","
                    + "\"datacontenttype\":\"text/plain\",\"data\":\"hello\"}",
            "{\"specversion\":\"1.0\",\"id\":\"3\",\"source\":\"/s\",\"type\":\"t\",\"data_base64\":\"AAEC\"}",
            "{\"specversion\":\"0.3\",\"id\":\"4\",\"source\":\"/s\",\"type\":\"t\",\"datacontentencoding\":\"base64\","
                    + "\"data\":\"AAEC\"}",
            "{\"specversion\":\"1.0\",\"id\":\"5\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"2024-01-31T09:30:00Z\","
                    + "\"partitionkey\":\"k\",\"count\":3,\"flag\":true}");
    private static final List<String> JSON_NOISE = List.of("null", "true", "42", "\"text\"", "[]", "{}", "[[[[[]]]]]",
            "{\"data\":null}", "{\"specversion\":1.0}", "{\"specversion\":\"1.0\",\"specversion\":\"1.0\"}",
            "1e99999", "-0", "{\"a\":\"\\ud800\"}", "\uFEFF{}", "{\"id\":{}}", "[1,2,3]");

    private final Random random;
    private final String validKey;
    private final String narrowKey;

    /**
     * @param validKey  a key that may write every topic
     * @param narrowKey a key that may write some topics only
     */
    public RequestFuzzer(long seed, String validKey, String narrowKey) {
        this.random = new Random(seed);
        this.validKey = validKey;
        this.narrowKey = narrowKey;
    }

    public Request next() {
        String method = random.nextInt(10) == 0 ? pick(OTHER_METHODS) : "POST";
        String path = path();
        Map<String, String> headers = new LinkedHashMap<>();
        authorization(headers);
        if (random.nextInt(6) != 0) {
            headers.put("Content-Type", pick(CONTENT_TYPES));
        }
        if (random.nextBoolean()) {
            ceHeaders(headers);
        }
        if (random.nextInt(4) == 0) {
            headers.put("X-Event-Type", pick(ATTRIBUTE_VALUES));
        }
        if (random.nextInt(4) == 0) {
            headers.put("X-Partition-Key", pick(ATTRIBUTE_VALUES));
        }
        if (random.nextInt(4) == 0) {
            headers.put(random.nextBoolean() ? "X-Hub-Signature-256" : "X-Signature",
                    (random.nextBoolean() ? "sha256=" : "") + noiseHex(random.nextInt(3) == 0 ? 64 : random.nextInt(80)));
        }
        return new Request(method, path, headers, body());
    }

    private String path() {
        int dice = random.nextInt(20);
        if (dice < 10) {
            return "/events";
        }
        if (dice < 14) {
            return "/topics/raw";
        }
        if (dice < 17) {
            return random.nextBoolean() ? "/webhooks/github" : "/webhooks/partner";
        }
        return dice == 17 ? "/" + noiseText(12) : pick(OTHER_PATHS);
    }

    private void authorization(Map<String, String> headers) {
        switch (random.nextInt(10)) {
            case 0 -> { }
            case 1 -> headers.put("Authorization", "Bearer " + noiseText(20));
            case 2 -> headers.put("Authorization", pick(List.of("Bearer", "Bearer ", "Basic abc", "bearer " + validKey)));
            case 3 -> headers.put("X-Api-Key", validKey);
            case 4, 5 -> headers.put("X-Api-Key", narrowKey);
            default -> headers.put("Authorization", "Bearer " + validKey);
        }
    }

    private void ceHeaders(Map<String, String> headers) {
        if (random.nextInt(3) != 0) {
            headers.put("ce-specversion", "1.0");
            headers.put("ce-id", "id-" + random.nextInt(1000));
            headers.put("ce-source", "/fuzz");
            headers.put("ce-type", pick(ATTRIBUTE_VALUES));
        }
        int extra = random.nextInt(4);
        for (int i = 0; i < extra; i++) {
            headers.put("ce-" + pick(ATTRIBUTE_NAMES), pick(ATTRIBUTE_VALUES));
        }
    }

    private byte[] body() {
        String text = switch (random.nextInt(8)) {
            case 0 -> pick(VALID_EVENTS);
            case 1 -> mutate(pick(VALID_EVENTS));
            case 2 -> batch();
            case 3 -> mutate(batch());
            case 4 -> pick(JSON_NOISE);
            case 5 -> "";
            case 6 -> "{\"specversion\":\"1.0\",\"id\":\"m\",\"source\":\"/s\",\"type\":\"t\",\""
                    + pick(ATTRIBUTE_NAMES) + "\":" + pick(JSON_NOISE) + "}";
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private String batch() {
        List<String> members = new ArrayList<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            members.add(random.nextInt(4) == 0 ? pick(JSON_NOISE) : pick(VALID_EVENTS));
        }
        return "[" + String.join(",", members) + "]";
    }

    /** Cuts, duplicates or overwrites a few characters: the near-misses a buggy client sends. */
    private String mutate(String text) {
        StringBuilder mutated = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && !mutated.isEmpty(); i++) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(4)) {
                case 0 -> mutated.setLength(at);
                case 1 -> mutated.deleteCharAt(at);
                case 2 -> mutated.insert(at, pick(List.of("\"", "{", "}", "[", ",", ":", "\\", "\u0000", "é", "null")));
                default -> mutated.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return mutated.toString();
    }

    private String noiseText(int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append((char) (33 + random.nextInt(94)));
        }
        return text.toString();
    }

    private String noiseHex(int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length; i++) {
            hex.append("0123456789abcdefXYZ".charAt(random.nextInt(19)));
        }
        return hex.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
