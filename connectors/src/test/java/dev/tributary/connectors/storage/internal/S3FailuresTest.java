package dev.tributary.connectors.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.sdk.FunctionConfig;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.OverloadedException;
import dev.tributary.sdk.RetryableException;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What each answer of the store, or the lack of one, means for the events of a batch. */
class S3FailuresTest {

    private static final String NAME = "raw/readings/0/0000000000000000000-0000000000000000009.jsonl";

    private final S3Failures failures = new S3Failures(StorageSettings.read(new FunctionConfig("archive", Map.of(
            "bucket", "fleet-archive", "prefix", "raw", "endpoint", "http://user:pw@minio.internal:9000/",
            "accessKeyId", "AKIA1", "secretAccessKey", "s3cret"))));

    private static S3Exception answer(int status, String code, String message) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status)
                                .putHeader("x-amz-bucket-region", "eu-west-1").build())
                        .build())
                .build();
    }

    @ParameterizedTest(name = "HTTP {0} {1}: {2}")
    @CsvSource({
            "503, SlowDown, OverloadedException",
            "429, TooManyRequests, OverloadedException",
            "500, InternalError, RetryableException",
            "502, , RetryableException",
            "400, RequestTimeout, RetryableException",
            "400, BadDigest, RetryableException",
            "403, AccessDenied, RetryableException",
            "403, SignatureDoesNotMatch, RetryableException",
            "404, NoSuchBucket, RetryableException",
            "301, PermanentRedirect, RetryableException",
            "409, OperationAborted, RetryableException",
            "400, EntityTooLarge, NonRetryableException",
            "400, InvalidArgument, NonRetryableException",
    })
    void classifiesTheStoresAnswers(int status, String code, String verdict) {
        RuntimeException failure = failures.forPut(NAME, answer(status, code == null ? "" : code, "details"));

        assertThat(failure.getClass().getSimpleName()).isEqualTo(verdict);
    }

    @Test
    void messagesNameTheObjectAndTheStoreButNotTheCredentialsAndSayWhatToFix() {
        RuntimeException missing = failures.forPut(NAME, answer(404, "NoSuchBucket",
                "The specified bucket does not exist"));
        RuntimeException denied = failures.forPut(NAME, answer(403, "AccessDenied", "Access Denied"));
        RuntimeException moved = failures.forPut(NAME, answer(301, "PermanentRedirect", "use another endpoint"));

        assertThat(missing).isInstanceOf(RetryableException.class).hasMessage("object storage sink archive writing"
                + " s3://fleet-archive/" + NAME + " at http://minio.internal:9000: HTTP 404 NoSuchBucket: The specified"
                + " bucket does not exist; create bucket fleet-archive or correct bucket and endpoint");
        assertThat(denied).hasMessageEndingWith("check accessKeyId, secretAccessKey and sessionToken, and that they may"
                + " s3:PutObject in bucket fleet-archive");
        assertThat(moved).hasMessageEndingWith("set region to eu-west-1, or endpoint");
        assertThat(missing.getMessage() + denied.getMessage()).doesNotContain("pw").doesNotContain("s3cret");
    }

    @Test
    void noAnswerIsRetryable() {
        RuntimeException refused = failures.forPut(NAME, SdkClientException.create("Unable to execute HTTP request",
                new IOException("Connection refused")));
        RuntimeException timedOut = failures.forPut(NAME, ApiCallTimeoutException.create(10_000));

        assertThat(refused).isInstanceOf(RetryableException.class).isNotInstanceOf(OverloadedException.class)
                .hasMessageEndingWith("could not reach the store: IOException: Connection refused");
        assertThat(timedOut).isInstanceOf(RetryableException.class).hasMessageEndingWith("no answer within 10 s"
                + " (timeout)");
        assertThat(refused).isNotInstanceOf(NonRetryableException.class);
    }
}
