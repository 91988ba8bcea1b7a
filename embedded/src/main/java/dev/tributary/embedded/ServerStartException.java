package dev.tributary.embedded;

/** An embedded server did not become ready; the message carries the end of its log. */
public final class ServerStartException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
