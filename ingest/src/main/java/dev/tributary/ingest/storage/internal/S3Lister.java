package dev.tributary.ingest.storage.internal;

import dev.tributary.ingest.storage.StoragePollException;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Lists a bucket under a prefix with ListObjectsV2, page after page. */
public final class S3Lister implements ObjectLister {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int pageSize;
    private final String endpoint;

    /** @param endpoint where the store is, for messages */
    public S3Lister(S3Client s3, String bucket, String prefix, int pageSize, String endpoint) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.pageSize = pageSize;
        this.endpoint = endpoint;
    }

    @Override
    public SortedMap<String, ObjectVersion> list() {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).maxKeys(pageSize)
                .build();
        SortedMap<String, ObjectVersion> objects = new TreeMap<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
                objects.put(object.key(), new ObjectVersion(ObjectVersion.unquote(object.eTag()),
                        object.size() == null ? 0 : object.size(), object.lastModified()));
            }
        } catch (NoSuchBucketException e) {
            throw failed("bucket '" + bucket + "' does not exist at " + endpoint + "; create it, or correct the "
                    + "bucket or endpoint setting", e);
        } catch (S3Exception e) {
            String advice = e.statusCode() == 403 ? "check the access key, the secret and that they may list the bucket"
                    : e.statusCode() == 301 || e.statusCode() == 400 ? "check the region and the pathStyleAccess setting"
                    : "the next poll tries again";
            throw failed("the store at " + endpoint + " refused to list " + describe() + " with " + e.statusCode()
                    + errorCode(e) + "; " + advice, e);
        } catch (SdkClientException e) {
            throw failed("cannot reach the store at " + endpoint + " to list " + describe() + ": " + e.getMessage()
                    + "; check the endpoint and the network", e);
        } catch (SdkException e) {
            throw failed("listing " + describe() + " at " + endpoint + " failed: " + e.getMessage(), e);
        }
        return objects;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : " " + e.awsErrorDetails().errorCode();
    }

    private static StoragePollException failed(String message, Throwable cause) {
        return new StoragePollException(message, cause);
    }
}
