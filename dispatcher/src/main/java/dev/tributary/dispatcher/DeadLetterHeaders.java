package dev.tributary.dispatcher;

/**
 * The headers Tributary adds to a record it writes to a dead-letter topic. The record itself (key, value, and
 * its own headers) is copied unchanged; these say where it came from and why it failed. Times are ISO-8601
 * instants in UTC, numbers are decimal text, all UTF-8.
 */
public final class DeadLetterHeaders {

    public static final String PREFIX = "tributary.dlt.";
    /** The topic the record was read from. */
    public static final String TOPIC = PREFIX + "topic";
    public static final String PARTITION = PREFIX + "partition";
    public static final String OFFSET = PREFIX + "offset";
    /** The record's own timestamp. */
    public static final String TIMESTAMP = PREFIX + "timestamp";
    /** The function that failed on it. */
    public static final String FUNCTION = PREFIX + "function";
    /** How many times the function was invoked with it (0 for a record that is not a valid event). */
    public static final String ATTEMPTS = PREFIX + "attempts";
    /** The class of the last error, e.g. {@code dev.tributary.sdk.NonRetryableException}. */
    public static final String ERROR_CLASS = PREFIX + "error.class";
    public static final String ERROR_MESSAGE = PREFIX + "error.message";
    /** The last error's stack trace, cut to {@value #STACK_TRACE_LIMIT} characters. */
    public static final String ERROR_STACK_TRACE = PREFIX + "error.stacktrace";
    public static final String FIRST_FAILURE = PREFIX + "first.failure";
    public static final String LAST_FAILURE = PREFIX + "last.failure";

    /**
     * On a record replayed from a dead-letter topic: where it was first read, so that if it fails again its dead
     * letter names its true origin and goes back to the same dead-letter topic.
     */
    public static final String REPLAY_PREFIX = "tributary.replay.";
    public static final String REPLAY_TOPIC = REPLAY_PREFIX + "topic";
    public static final String REPLAY_PARTITION = REPLAY_PREFIX + "partition";
    public static final String REPLAY_OFFSET = REPLAY_PREFIX + "offset";

    public static final int STACK_TRACE_LIMIT = 4_096;
    public static final int MESSAGE_LIMIT = 1_024;

    private DeadLetterHeaders() {
    }

    /**
     * The topic that dead letters of {@code function} are replayed into. Only that function consumes it, so a
     * replay never reaches the other subscribers of the source topic.
     */
    public static String replayTopic(String function) {
        return "tributary." + function + ".replay";
    }
}
