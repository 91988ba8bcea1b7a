package dev.tributary.ingest.mqtt.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the bridge connects: {@code mqtt://host:port} (or {@code tcp://}) for plain TCP, {@code mqtts://host:port}
 * (or {@code ssl://}) for TLS with the JVM's trusted certificates; the port defaults to 1883 and 8883.
 */
public record BrokerAddress(String host, int port, boolean tls) {

    /**
     * @throws IllegalArgumentException saying what is wrong with the URL and what is allowed
     */
    public static BrokerAddress parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("is empty; give the broker's URL, e.g. mqtt://broker:1883");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL such as mqtt://broker:1883: "
                    + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "mqtt", "tcp" -> false;
            case "mqtts", "ssl" -> true;
            default -> throw new IllegalArgumentException("'" + url + "' has scheme '" + scheme + "'; use mqtt:// "
                    + "for plain TCP or mqtts:// for TLS");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' has no host; e.g. mqtt://broker:1883");
        }
        if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) || uri.getQuery() != null
                || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("'" + url + "' has more than a scheme, host and port; give the "
                    + "credentials in the bridge's username and password");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 8883 : 1883;
        return new BrokerAddress(uri.getHost(), port, tls);
    }

    @Override
    public String toString() {
        return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
    }
}
