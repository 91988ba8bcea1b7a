package dev.tributary.dispatcher.http;

import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.schemas.event.KafkaEventCodec;
import io.cloudevents.CloudEvent;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;

/** Inputs as the dispatcher hands them to an invoker: records written by the codec, read back by it. */
final class TestEvents {

    static final String TOPIC = "http-in";

    private TestEvents() {
    }

    /** {@code event} as read from a record of {@link #TOPIC} whose key is {@code key} (null for none). */
    static KafkaEvent input(CloudEvent event, String key) {
        ProducerRecord<byte[], byte[]> written = new KafkaEventCodec().encode(TOPIC, event);
        byte[] recordKey = key == null ? written.key() : utf8(key);
        return input(written, recordKey);
    }

    static KafkaEvent input(ProducerRecord<byte[], byte[]> written, byte[] recordKey) {
        ConsumerRecord<byte[], byte[]> read = new ConsumerRecord<>(TOPIC, 0, 7L, 1_706_693_400_000L,
                TimestampType.CREATE_TIME, recordKey == null ? -1 : recordKey.length,
                written.value() == null ? -1 : written.value().length, recordKey, written.value(), written.headers(),
                Optional.empty());
        return new KafkaEventCodec().decode(read);
    }

    /** The bytes a request's body publisher sends. */
    static byte[] body(HttpRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.join();
        return bytes.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
