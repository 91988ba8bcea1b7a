package dev.tributary.sdk.stream;

import dev.tributary.schemas.codec.DataCodec;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How the results of a stream function become CloudEvents: their type, how their data is encoded, and their
 * source. Immutable.
 *
 * <p>The rest is derived from the result record, so that the same input gives the same output every time it is
 * processed:
 * <ul>
 *   <li><b>key</b>: the result's key (for a windowed result, the key inside the window) as the record key;</li>
 *   <li><b>id</b>: {@code <input id>:<function>:<key>} and, for a windowed result,
 *       {@code <input id>:<function>:<key>@<window start>}; the input id is that of the event whose processing
 *       produced the result (its {@code ce_id} header, which Kafka Streams carries along through stores and
 *       repartitions), or {@code <topic>/<partition>/<offset>} of the record being processed when that record has
 *       no {@code ce_id} header (a plain record, a structured-mode event). An output
 *       written again for the same input and window has the same id, so consumers that read uncommitted data, or
 *       copy it on with at-least-once delivery, can drop the copy by id;</li>
 *   <li><b>time</b>: the result record's timestamp (for a windowed aggregate, the latest event time in it);</li>
 *   <li><b>extensions</b> {@value #WINDOW_START} and {@value #WINDOW_END}: the window's bounds as RFC 3339
 *       instants, for a windowed result;</li>
 *   <li><b>source</b>: {@code tributary://functions/<function>} unless {@link #withSource(URI)} says otherwise.</li>
 * </ul>
 *
 * @param <V> the type of the results' values
 */
public final class StreamOutput<V> {

    /** The extension naming the start of a windowed result's window (inclusive). */
    public static final String WINDOW_START = "windowstart";
    /** The extension naming the end of a windowed result's window (exclusive). */
    public static final String WINDOW_END = "windowend";

    private final String type;
    private final DataCodec<V> codec;
    private final URI source;

    private StreamOutput(String type, DataCodec<V> codec, URI source) {
        this.type = type;
        this.codec = codec;
        this.source = source;
    }

    /**
     * Results as CloudEvents of {@code type}, their data encoded by {@code codec} (e.g.
     * {@code DataCodecs.json(Average.class)}); a null value is written as an event without data.
     */
    public static <V> StreamOutput<V> of(String type, DataCodec<V> codec) {
        if (Objects.requireNonNull(type, "type of a stream output, e.g. com.example.reading.average").isBlank()) {
            throw new IllegalArgumentException("the type of a stream output must not be blank");
        }
        return new StreamOutput<>(type, Objects.requireNonNull(codec, "codec of a stream output's data"), null);
    }

    /** The same output with another CloudEvents {@code source}. */
    public StreamOutput<V> withSource(URI source) {
        return new StreamOutput<>(type, codec, Objects.requireNonNull(source, "source"));
    }

    public String type() {
        return type;
    }

    public DataCodec<V> codec() {
        return codec;
    }

    /** The source set with {@link #withSource(URI)}; empty for the default. */
    public Optional<URI> source() {
        return Optional.ofNullable(source);
    }

    @Override
    public String toString() {
        return "StreamOutput[type=" + type + ", codec=" + codec + (source == null ? "" : ", source=" + source) + "]";
    }
}
