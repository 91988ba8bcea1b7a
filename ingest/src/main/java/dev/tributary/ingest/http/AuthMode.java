package dev.tributary.ingest.http;

/**
 * Who may post to {@code /events} and {@code /topics/{topic}}. Webhook routes are not affected: each checks the
 * HMAC signature of its own sender, whatever the mode.
 */
public enum AuthMode {
    /**
     * Every request carries an API key ({@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}) and may
     * write only the topics that key allows: a missing or unknown key is 401, a topic the key may not write is 403.
     */
    API_KEY,
    /**
     * No key is asked for: anyone who reaches the port may write every configured topic. Only for a port that
     * nothing untrusted can reach; the adapter logs a warning when it starts in this mode.
     */
    NONE
}
