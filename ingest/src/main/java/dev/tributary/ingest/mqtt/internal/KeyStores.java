package dev.tributary.ingest.mqtt.internal;

import dev.tributary.ingest.SettingsException;
import dev.tributary.ingest.mqtt.MqttTls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

/** Reads a TLS keystore at start, so that a wrong path or password stops the adapter with a clear message. */
public final class KeyStores {

    private KeyStores() {
    }

    /** @throws SettingsException saying what is wrong with the keystore */
    public static void requireUsable(MqttTls tls) {
        if (!Files.isRegularFile(tls.keyStore())) {
            throw new SettingsException("tls.keyStore", tls.keyStore() + " is not a file; give the path of a "
                    + "PKCS#12 (.p12) or JKS (.jks) keystore with the server's key and certificate");
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(tls.keyStore())) {
            store = KeyStore.getInstance(tls.keyStoreType());
            store.load(in, tls.keyStorePassword().toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new SettingsException("tls.keyStore", tls.keyStore() + " cannot be read as " + tls.keyStoreType()
                    + " with the given password: " + e.getMessage() + "; check tls.keyStorePassword, and name a "
                    + "JKS file .jks");
        }
        try {
            boolean hasKey = false;
            for (String alias : Collections.list(store.aliases())) {
                hasKey |= store.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new SettingsException("tls.keyStore", tls.keyStore() + " holds no private key; the server "
                        + "needs its key and certificate chain, e.g. from keytool -genkeypair or openssl pkcs12 -export");
            }
        } catch (GeneralSecurityException e) {
            throw new SettingsException("tls.keyStore", tls.keyStore() + " cannot be listed: " + e.getMessage());
        }
    }
}
