package dev.tributary.sdk;

/**
 * Thrown by a function when retrying cannot help (the event is invalid, a referenced entity does not exist):
 * the event goes to the dead-letter topic at once, with this exception's class and message.
 */
public class NonRetryableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NonRetryableException(String message) {
        super(message);
    }

    public NonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
