package dev.tributary.ingest.storage;

import java.util.Map;
import java.util.Objects;

/**
 * The answer to a posted notification, before it is written: the status, extra headers and a JSON body
 * ({@code Content-Type: application/json}).
 *
 * <table>
 *   <caption>Answers of a storage webhook</caption>
 *   <tr><th>status</th><th>when</th><th>body</th></tr>
 *   <tr><td>202</td><td>every record to publish is acknowledged by Kafka (also when none was left to publish:
 *       duplicates, ignored events, S3's test event)</td>
 *       <td>{@code {"published": 2, "duplicates": 1, "ignored": 0}}</td></tr>
 *   <tr><td>400</td><td>the body is not a notification: not JSON, no {@code Records}, a record without a required
 *       field; nothing is published</td>
 *       <td>{@code {"error": "Records[0].s3.object.key: is missing", "field": "Records[0].s3.object.key"}}</td></tr>
 *   <tr><td>503 with {@code Retry-After}</td><td>Kafka is unavailable or the publisher is full or closing; the store
 *       should deliver again</td><td>{@code {"error": ..., "reason": "UNAVAILABLE"}}</td></tr>
 *   <tr><td>413</td><td>the events are larger than Kafka or the publisher take</td><td>as above</td></tr>
 *   <tr><td>500</td><td>Kafka refused the write for a reason of its own configuration, or the adapter failed</td>
 *       <td>as above</td></tr>
 * </table>
 *
 * @param status  the HTTP status
 * @param headers headers besides {@code Content-Type}, such as {@code Retry-After}
 * @param body    the JSON body
 */
public record WebhookReply(int status, Map<String, String> headers, String body) {

    public static final String CONTENT_TYPE = "application/json";

    public WebhookReply {
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers of a reply"));
        Objects.requireNonNull(body, "body of a reply");
    }
}
