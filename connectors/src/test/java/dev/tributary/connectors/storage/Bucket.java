package dev.tributary.connectors.storage;

import dev.tributary.testkit.S3ProxyServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A bucket of the test's S3 server, set up and read back as any S3 client would. */
final class Bucket implements AutoCloseable {

    private final String name;
    private final S3Client client;

    private Bucket(String name, S3Client client) {
        this.name = name;
        this.client = client;
    }

    /** A client of the server at {@code endpoint} for bucket {@code name}, which this does not create. */
    static Bucket at(URI endpoint, String name) {
        return new Bucket(name, S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(S3ProxyServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build());
    }

    /** The sink's settings for this bucket on the test server. */
    static Map<String, Object> sinkConfig(URI endpoint, String bucket, Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(Map.of("endpoint", endpoint.toString(), "bucket", bucket,
                "region", S3ProxyServer.REGION, "accessKeyId", S3ProxyServer.ACCESS_KEY,
                "secretAccessKey", S3ProxyServer.SECRET_KEY));
        config.putAll(more);
        return config;
    }

    Bucket create() {
        client.createBucket(request -> request.bucket(name));
        return this;
    }

    /** Deletes the bucket, which must be empty. */
    void delete() {
        client.deleteBucket(request -> request.bucket(name));
    }

    /** The names of the objects under {@code prefix}, in the order S3 lists them. */
    List<String> names(String prefix) {
        return client.listObjectsV2Paginator(request -> request.bucket(name).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    /** An object's lines. */
    List<String> lines(String key) {
        return new String(client.getObject(request -> request.bucket(name).key(key), ResponseTransformer.toBytes())
                .asByteArray(), StandardCharsets.UTF_8).lines().toList();
    }

    String contentType(String key) {
        return client.headObject(request -> request.bucket(name).key(key)).contentType();
    }

    @Override
    public void close() {
        client.close();
    }
}
