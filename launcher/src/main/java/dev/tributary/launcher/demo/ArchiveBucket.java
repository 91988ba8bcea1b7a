package dev.tributary.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.embedded.S3Process;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The bucket the demo's {@code aggregate-archive} sink writes the window summaries to, read as any S3 client would:
 * created before the sink starts (the sink checks that its bucket exists and never creates one), then counted. Each
 * object holds JSON lines, one CloudEvent per line; an object is read once per ETag, since the sink writes a batch
 * again under the same name only with the same events.
 */
public final class ArchiveBucket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArchiveLocation location;
    private final S3Client client;
    /** What was read of each object: its ETag and the CloudEvents ids on its lines. */
    private final Map<String, ObjectLines> read = new HashMap<>();
    private ArchivedSummaries last = new ArchivedSummaries(0, 0, 0);

    private record ObjectLines(String etag, List<String> ids) {
    }

    private ArchiveBucket(ArchiveLocation location, S3Client client) {
        this.location = location;
        this.client = client;
    }

    /** Creates the bucket on the store at {@code endpoint}, which keeps its objects under {@code objectsDir}. */
    public static ArchiveBucket create(URI endpoint, String bucket, String prefix, Path objectsDir) {
        S3Client client = S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(S3Process.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Process.ACCESS_KEY, S3Process.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        try {
            client.createBucket(request -> request.bucket(bucket));
        } catch (SdkException e) {
            client.close();
            throw new IllegalStateException("could not create the archive bucket " + bucket + " at " + endpoint
                    + ": " + e.getMessage(), e);
        }
        return new ArchiveBucket(new ArchiveLocation(endpoint, bucket, prefix, objectsDir.resolve(bucket)), client);
    }

    public ArchiveLocation location() {
        return location;
    }

    /**
     * The window summaries in the bucket's objects now. When the store does not answer, the last count stands: the
     * demo notices a store that went away by its exit.
     */
    public synchronized ArchivedSummaries count() {
        try {
            List<S3Object> objects = client.listObjectsV2Paginator(request -> request.bucket(location.bucket())
                    .prefix(location.prefix() + "/")).contents().stream().toList();
            int lines = 0;
            Set<String> ids = new HashSet<>();
            for (S3Object object : objects) {
                ObjectLines content = read.get(object.key());
                if (content == null || !content.etag().equals(object.eTag())) {
                    content = new ObjectLines(object.eTag(), ids(object.key()));
                    read.put(object.key(), content);
                }
                lines += content.ids().size();
                ids.addAll(content.ids());
            }
            last = new ArchivedSummaries(objects.size(), lines, ids.size());
        } catch (SdkException e) {
            // Keeps the last count.
        }
        return last;
    }

    /** The CloudEvents id of each line of the object; a line that is not a CloudEvent counts under its own text. */
    private List<String> ids(String key) {
        String text = client.getObjectAsBytes(request -> request.bucket(location.bucket()).key(key)).asUtf8String();
        return text.lines().filter(line -> !line.isBlank()).map(ArchiveBucket::id).toList();
    }

    private static String id(String line) {
        try {
            JsonNode event = JSON.readTree(line);
            return event.hasNonNull("id") ? event.get("id").asText() : line;
        } catch (IOException e) {
            return line;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
