package dev.tributary.ingest.storage.internal;

import dev.tributary.ingest.storage.S3Credentials;
import dev.tributary.ingest.storage.StoragePollingSettings;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the S3 client of a poller from its settings alone: the given region, endpoint and keys, an empty profile
 * file instead of {@code ~/.aws}, and the JDK's HTTP client. Checksums are computed only where the API requires them,
 * which S3-compatible stores that predate the newer checksum headers accept.
 */
public final class S3Clients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** One ListObjectsV2 page, retries included. */
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

    private S3Clients() {
    }

    public static S3Client create(StoragePollingSettings settings) {
        ProfileFile noProfiles = ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT)
                        .build())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials(settings.credentials())))
                .forcePathStyle(settings.pathStyleAccess())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(config -> config
                        .defaultProfileFileSupplier(() -> noProfiles)
                        .defaultProfileName("default")
                        .apiCallTimeout(CALL_TIMEOUT));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentials credentials(S3Credentials credentials) {
        return credentials.sessionToken()
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(credentials.accessKeyId(),
                        credentials.secretAccessKey(), token))
                .orElseGet(() -> AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()));
    }
}
