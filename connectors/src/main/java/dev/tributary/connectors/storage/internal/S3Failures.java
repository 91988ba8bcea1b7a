package dev.tributary.connectors.storage.internal;

import dev.tributary.connectors.internal.OneLine;
import dev.tributary.sdk.NonRetryableException;
import dev.tributary.sdk.OverloadedException;
import dev.tributary.sdk.RetryableException;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a failed write means for the events of its batch:
 * <table>
 *   <caption>Failures and verdicts</caption>
 *   <tr><th>what happened</th><th>exception</th></tr>
 *   <tr><td>503, 429, {@code SlowDown}</td><td>{@link OverloadedException}</td></tr>
 *   <tr><td>other 5xx; 408 and {@code RequestTimeout}; {@code BadDigest} and {@code IncompleteBody} (the body was
 *       damaged on the way); no answer, a refused or lost connection, {@code timeout}</td>
 *       <td>{@link RetryableException}</td></tr>
 *   <tr><td>401, 403 (credentials, permissions), 404 (no such bucket), 301 and 307 (another region), 409</td>
 *       <td>{@link RetryableException} saying which setting to fix: the events are fine, the settings or the store
 *       are not</td></tr>
 *   <tr><td>any other 4xx, such as {@code EntityTooLarge}</td><td>{@link NonRetryableException}</td></tr>
 * </table>
 * Messages name the function, the object and the store's origin (never the credentials), and quote the store's error
 * code and message on one line.
 */
final class S3Failures {

    private static final Set<String> OVERLOADED = Set.of("SlowDown", "ServiceUnavailable", "TooManyRequests");
    private static final Set<String> TRANSIENT = Set.of("RequestTimeout", "BadDigest", "IncompleteBody",
            "InternalError", "OperationAborted");

    private final StorageSettings settings;
    private final String site;

    S3Failures(StorageSettings settings) {
        this.settings = settings;
        this.site = "object storage sink " + settings.functionName();
    }

    /** The failure of writing object {@code name}. */
    RuntimeException forPut(String name, SdkException e) {
        String writing = site + " writing " + location(name) + ": ";
        if (e instanceof AwsServiceException answer) {
            return forAnswer(writing, answer);
        }
        return switch (e) {
            case ApiCallTimeoutException timeout -> new RetryableException(writing + "no answer within "
                    + format(settings.timeout()) + " (timeout)", e);
            case ApiCallAttemptTimeoutException timeout -> new RetryableException(writing + "no answer within "
                    + format(settings.timeout()) + " (timeout)", e);
            case AbortedException aborted -> new RetryableException(writing + "the request was abandoned", e);
            default -> new RetryableException(writing + "could not reach the store: " + describe(e), e);
        };
    }

    private RuntimeException forAnswer(String writing, AwsServiceException answer) {
        int status = answer.statusCode();
        String code = errorCode(answer);
        String said = writing + "HTTP " + status + (code.isEmpty() ? "" : " " + code) + errorMessage(answer);
        if (status == 429 || status == 503 || OVERLOADED.contains(code)) {
            return new OverloadedException(said, answer, null);
        }
        if (status >= 500 || status == 408 || TRANSIENT.contains(code)) {
            return new RetryableException(said, answer);
        }
        return switch (status) {
            case 401, 403 -> new RetryableException(said + "; check accessKeyId, secretAccessKey and sessionToken, and"
                    + " that they may s3:PutObject in bucket " + settings.bucket(), answer);
            case 404 -> new RetryableException(said + "; create bucket " + settings.bucket() + " or correct"
                    + " bucket and endpoint", answer);
            case 301, 307 -> new RetryableException(said + "; the bucket is served elsewhere: set region"
                    + regionHint(answer) + ", or endpoint", answer);
            case 409 -> new RetryableException(said, answer);
            default -> new NonRetryableException(said + "; the store refuses this object, so writing it again cannot"
                    + " succeed", answer);
        };
    }

    /** Where {@code name} is, for messages: {@code s3://bucket/name at http://host:port}. */
    String location(String name) {
        String destination = settings.destination();
        return "s3://" + settings.bucket() + "/" + name + destination.substring(destination.indexOf(' '));
    }

    static String errorCode(AwsServiceException answer) {
        AwsErrorDetails details = answer.awsErrorDetails();
        return details == null || details.errorCode() == null ? "" : OneLine.of(details.errorCode());
    }

    private static String errorMessage(AwsServiceException answer) {
        AwsErrorDetails details = answer.awsErrorDetails();
        return details == null || details.errorMessage() == null || details.errorMessage().isBlank() ? ""
                : ": " + OneLine.of(details.errorMessage());
    }

    /** The region AWS names in a redirect's {@code x-amz-bucket-region}, as {@code " to eu-west-1"}. */
    static String regionHint(AwsServiceException answer) {
        AwsErrorDetails details = answer.awsErrorDetails();
        if (details == null || details.sdkHttpResponse() == null) {
            return "";
        }
        return details.sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region")
                .map(region -> " to " + OneLine.of(region))
                .orElse("");
    }

    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + OneLine.of(cause.getMessage());
        return cause.getClass().getSimpleName() + message;
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
