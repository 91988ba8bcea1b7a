package dev.tributary.ingest.mqtt;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The server certificate of the direct endpoint: with it, devices connect over TLS (MQTT over TLS, usually port
 * 8883) and plain connections are refused.
 *
 * @param keyStore         a PKCS#12 file ({@code .p12}, {@code .pfx}) or a Java keystore ({@code .jks}) holding the
 *                         private key and certificate chain; the adapter reads it at start
 * @param keyStorePassword its password, from the environment or a secret store
 */
public record MqttTls(Path keyStore, String keyStorePassword) {

    public MqttTls {
        Objects.requireNonNull(keyStore, "keyStore: the path of a PKCS#12 or JKS keystore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword of " + keyStore);
    }

    /** {@code JKS} for a {@code .jks} file, otherwise {@code PKCS12}. */
    public String keyStoreType() {
        return keyStore.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
    }

    /** Names the keystore, never its password. */
    @Override
    public String toString() {
        return "MqttTls[keyStore=" + keyStore + ", keyStorePassword=***]";
    }
}
