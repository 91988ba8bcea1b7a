package dev.tributary.bench.ingest;

/**
 * Whether every acknowledged event reached its topic.
 *
 * @param acknowledged events acknowledged to the client over the whole run, warm-up included
 * @param onTopic      records on the contender's topic after the run
 * @param failed       requests answered with a refusal or a transport error
 * @param unanswered   requests still unanswered when the client stopped waiting
 */
record Delivery(long acknowledged, long onTopic, long failed, long unanswered) {

    static final Delivery NONE = new Delivery(0, 0, 0, 0);

    /** Acknowledged events that are not on the topic: must be 0. */
    long lost() {
        return Math.max(0, acknowledged - onTopic);
    }

    /**
     * Records on the topic that the client never heard acknowledged: a request that failed or timed out after
     * Kafka took its record. Allowed (at least once), and 0 in a run without failures.
     */
    long unacknowledgedOnTopic() {
        return Math.max(0, onTopic - acknowledged);
    }

    boolean nothingLost() {
        return lost() == 0;
    }
}
