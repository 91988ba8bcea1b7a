package dev.tributary.ingest.storage;

import dev.tributary.ingest.internal.SettingChecks;
import java.util.Optional;

/**
 * The keys a poller signs its S3 requests with. The caller supplies them (the launcher from {@code ${env:...}}
 * references); the storage adapter never looks in the environment or in {@code ~/.aws}. {@link #toString()} does
 * not show the secret.
 *
 * @param accessKeyId     the access key id
 * @param secretAccessKey the secret access key
 * @param sessionToken    the session token of temporary credentials; empty for long-term keys
 */
public record S3Credentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {

    public S3Credentials {
        SettingChecks.notBlank("accessKeyId", accessKeyId, "the access key id of the store's account");
        SettingChecks.notBlank("secretAccessKey", secretAccessKey, "the secret access key of the store's account");
        SettingChecks.required("sessionToken", sessionToken, "Optional.empty() for long-term keys");
    }

    /** Long-term keys, without a session token. */
    public static S3Credentials of(String accessKeyId, String secretAccessKey) {
        return new S3Credentials(accessKeyId, secretAccessKey, Optional.empty());
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***"
                + (sessionToken.isPresent() ? ", sessionToken=***" : "") + "]";
    }
}
