package dev.tributary.sdk.stream.internal;

import dev.tributary.schemas.codec.DataCodec;
import dev.tributary.schemas.event.KafkaEvent;
import dev.tributary.sdk.Event;
import dev.tributary.sdk.internal.DecodedEvent;

/** Events read by a stream function (or by its tester from an output topic), their data decoded. */
public final class StreamEvents {

    private StreamEvents() {
    }

    /**
     * {@code event} with its data decoded by {@code codec}, always on attempt 1: Kafka Streams does not count
     * attempts, and a record processed again after a crash is a new first.
     *
     * @throws dev.tributary.schemas.codec.DataCodecException when the data does not decode
     */
    public static <T> Event<T> decode(KafkaEvent event, DataCodec<T> codec) {
        return new DecodedEvent<>(event, codec.decode(event.topic(), DecodedEvent.rawDataOrNull(event)), 1);
    }
}
