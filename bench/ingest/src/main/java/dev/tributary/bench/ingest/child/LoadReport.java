package dev.tributary.bench.ingest.child;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a load generator reports at the end, as one {@code RESULT {...}} line on stdout.
 *
 * @param acknowledged   requests acknowledged over the whole run, warm-up included: what must be on the topic
 * @param failed         requests answered otherwise (an HTTP status other than 202, a PUBACK with a failure code,
 *                       a transport error)
 * @param unanswered     requests with no answer when the generator gave up waiting
 * @param measured       acknowledgements within the measurement window
 * @param measureSeconds the window's length
 * @param latency        acknowledgement latency of the measured requests
 * @param firstFailure   what the first failure was, or null
 */
public record LoadReport(long acknowledged, long failed, long unanswered, long measured, double measureSeconds,
                         LatencySummary latency, String firstFailure) {

    public static final String PREFIX = "RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();

    public double eventsPerSec() {
        return measureSeconds <= 0 ? 0 : measured / measureSeconds;
    }

    public String toLine() {
        try {
            return PREFIX + JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the result line", e);
        }
    }

    /** @throws IllegalArgumentException when {@code line} is not a result line */
    public static LoadReport parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        try {
            return JSON.readValue(line.substring(PREFIX.length()), LoadReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable result line: " + line, e);
        }
    }
}
