package dev.tributary.connectors.storage.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A bucket of an S3-compatible store, written with one {@code PutObject} per object. The client is built from the
 * settings alone (no {@code ~/.aws}, no environment) on the JDK's HTTP stack; it sends each body's
 * {@code Content-MD5}, so the store refuses a body damaged on the way rather than storing it. Checksums beyond that
 * are sent only where the API requires them, which stores that predate the newer checksum headers accept.
 * Thread-safe.
 */
public final class S3ObjectStore implements ObjectStore {

    private static final Logger log = LoggerFactory.getLogger(S3ObjectStore.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final StorageSettings settings;
    private final S3Client client;
    private final S3Failures failures;

    private S3ObjectStore(StorageSettings settings, S3Client client) {
        this.settings = settings;
        this.client = client;
        this.failures = new S3Failures(settings);
    }

    /**
     * Builds the client and checks that the bucket exists.
     *
     * @throws IllegalArgumentException when the bucket does not exist or is in another region, naming the setting
     * @throws IllegalStateException    when the store cannot be reached
     */
    public static S3ObjectStore open(StorageSettings settings) {
        S3Client client = client(settings);
        try {
            checkBucket(settings, client);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new S3ObjectStore(settings, client);
    }

    @Override
    public void put(String name, byte[] body, String contentType) {
        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(settings.bucket())
                .key(name)
                .contentType(contentType)
                .contentLength((long) body.length)
                .contentMD5(md5(body))
                .build();
        try {
            client.putObject(request, RequestBody.fromBytes(body));
        } catch (SdkException e) {
            throw failures.forPut(name, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static void checkBucket(StorageSettings settings, S3Client client) {
        try {
            client.headBucket(request -> request.bucket(settings.bucket()));
        } catch (AwsServiceException answer) {
            switch (answer.statusCode()) {
                case 404 -> throw new IllegalArgumentException(settings.path(StorageSettings.BUCKET.name())
                        + ": bucket " + settings.bucket() + " does not exist (" + settings.destination()
                        + "); create it, or correct bucket and endpoint");
                case 301, 307 -> throw new IllegalArgumentException(settings.path(
                        StorageSettings.REGION.name()) + ": bucket " + settings.bucket() + " is not in region "
                        + settings.region() + "; set region" + S3Failures.regionHint(answer));
                // HeadBucket needs s3:ListBucket, which a writer need not have: writes will tell.
                case 401, 403 -> log.warn("object storage sink {} could not check bucket {}: access denied; writing"
                        + " will show whether accessKeyId and secretAccessKey may s3:PutObject there",
                        settings.functionName(), settings.bucket());
                default -> throw new IllegalStateException("functions[" + settings.functionName() + "]: checking"
                        + " bucket " + settings.bucket() + " (" + settings.destination() + ") failed: HTTP "
                        + answer.statusCode() + " " + S3Failures.errorCode(answer), answer);
            }
        } catch (SdkException e) {
            throw new IllegalStateException("functions[" + settings.functionName() + "]: could not reach the store ("
                    + settings.destination() + "): " + S3Failures.describe(e) + "; check endpoint and that the store"
                    + " is up", e);
        }
    }

    private static S3Client client(StorageSettings settings) {
        ProfileFile noProfiles = ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(min(CONNECT_TIMEOUT, settings.timeout()))
                        .socketTimeout(settings.timeout())
                        .build())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials(settings)))
                .forcePathStyle(settings.pathStyleAccess())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(config -> config
                        .defaultProfileFileSupplier(() -> noProfiles)
                        .defaultProfileName("default")
                        .apiCallTimeout(settings.timeout()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentials credentials(StorageSettings settings) {
        return settings.sessionToken()
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(settings.accessKeyId(),
                        settings.secretAccessKey(), token))
                .orElseGet(() -> AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
    }

    private static String md5(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5, this one failed", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
