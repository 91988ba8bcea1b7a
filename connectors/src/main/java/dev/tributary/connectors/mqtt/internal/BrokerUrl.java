package dev.tributary.connectors.mqtt.internal;

import dev.tributary.connectors.internal.ValueType;
import dev.tributary.connectors.internal.ValueTypes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the broker is: {@code mqtt://host[:port]} (port 1883 by default) or {@code mqtts://host[:port]} (TLS, port
 * 8883 by default). Credentials go in their own settings, never in the URL, which messages quote.
 *
 * @param host the broker's host name or address
 * @param port its port
 * @param tls  whether the connection uses TLS
 */
public record BrokerUrl(String host, int port, boolean tls) {

    static final String ALLOWED = "mqtt://host[:port] or mqtts://host[:port] (TLS)";

    /** The setting's type. */
    static ValueType<BrokerUrl> type() {
        return ValueTypes.of("URL", ALLOWED, value -> parse(ValueTypes.scalar(value).strip()));
    }

    static BrokerUrl parse(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw refused(text, "");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("mqtt") && !scheme.equals("mqtts") || url.getHost() == null) {
            throw refused(text, "");
        }
        if (url.getUserInfo() != null) {
            throw refused(text, "; give the credentials as username and password, not in the URL");
        }
        if (!(url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/"))
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw refused(text, "; the topic goes in the topic setting, not in the URL");
        }
        boolean tls = scheme.equals("mqtts");
        return new BrokerUrl(url.getHost(), url.getPort() < 0 ? (tls ? 8883 : 1883) : url.getPort(), tls);
    }

    private static IllegalArgumentException refused(String text, String hint) {
        return new IllegalArgumentException("'" + text + "' is not " + ALLOWED + ", such as mqtt://broker.internal:1883"
                + hint);
    }

    @Override
    public String toString() {
        return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
    }
}
