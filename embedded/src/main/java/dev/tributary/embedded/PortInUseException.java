package dev.tributary.embedded;

/** A server could not start because another process listens on its port. */
public final class PortInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int port;
    private final String setting;

    public PortInUseException(int port, String setting) {
        super("port " + port + " on 127.0.0.1 is already in use; choose another with " + setting);
        this.port = port;
        this.setting = setting;
    }

    public int port() {
        return port;
    }

    /** The option or property that chooses this port, named so the user can change it. */
    public String setting() {
        return setting;
    }
}
