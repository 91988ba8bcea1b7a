package dev.tributary.dispatcher.stream.internal;

import dev.tributary.dispatcher.DeadLetterHeaders;
import dev.tributary.schemas.codec.DataCodecException;
import dev.tributary.schemas.event.MalformedEventException;
import dev.tributary.sdk.NonRetryableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' verdict on a record whose processing threw. Retrying cannot fix a record that is not a valid
 * event, data that does not decode, or a failure the function declared final ({@link NonRetryableException}): such
 * a record is written to its dead-letter topic as it was read (key, value, headers, plus {@link DeadLetterHeaders})
 * and processing resumes. The dead letter is produced in the task's transaction, so under exactly-once it is
 * written exactly when the input's offset is committed. Anything else fails the function: a bug or an outage that a
 * restart, resuming from the last commit, may get past, and that must not silently drop records.
 *
 * <p>A record is dead-lettered only while its position is one of the function's source topics (the decoding steps
 * sit right after the sources): after a repartition, the original record is gone, and the function fails instead.
 */
public final class DeadLetterHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private DeadLetterRouting routing;

    @Override
    public void configure(Map<String, ?> configs) {
        if (!(configs.get(DeadLetterRouting.CONFIG) instanceof DeadLetterRouting given)) {
            throw new IllegalStateException(DeadLetterHandler.class.getName() + " needs a " + DeadLetterRouting.class
                    .getSimpleName() + " under " + DeadLetterRouting.CONFIG + "; StreamFunctionRunner sets it");
        }
        this.routing = given;
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        Throwable cause = finalCause(exception);
        if (cause == null) {
            return Response.fail();
        }
        if (context.topic() == null || !routing.sourceTopics().contains(context.topic())) {
            LOG.error("stream function {}: {} at {} (processor {}) cannot be dead-lettered past the function's source"
                            + " topics {}; the function stops. Handle it in the topology, or fail it before any"
                            + " repartition", routing.functionName(), cause, context.topic(), context.processorNodeId(),
                    routing.sourceTopics());
            return Response.fail();
        }
        ProducerRecord<byte[], byte[]> deadLetter = deadLetter(context, cause);
        LOG.warn("stream function {}: {}/{}/{} goes to {}: {}", routing.functionName(), context.topic(),
                context.partition(), context.offset(), deadLetter.topic(), cause.toString());
        routing.deadLettered().run();
        return Response.resume(List.of(deadLetter));
    }

    /** The error in the chain that no retry can fix, or null when there is none. */
    static Throwable finalCause(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof MalformedEventException || current instanceof NonRetryableException
                    || current instanceof DataCodecException codecFailure && !codecFailure.retriable()) {
                return current;
            }
        }
        return null;
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, Throwable cause) {
        RecordHeaders headers = new RecordHeaders(context.headers().toArray());
        String now = routing.clock().instant().toString();
        boolean invoked = cause instanceof NonRetryableException;
        add(headers, DeadLetterHeaders.TOPIC, context.topic());
        add(headers, DeadLetterHeaders.PARTITION, String.valueOf(context.partition()));
        add(headers, DeadLetterHeaders.OFFSET, String.valueOf(context.offset()));
        if (context.timestamp() >= 0) {
            add(headers, DeadLetterHeaders.TIMESTAMP, Instant.ofEpochMilli(context.timestamp()).toString());
        }
        add(headers, DeadLetterHeaders.FUNCTION, routing.functionName());
        // As the dispatcher counts: 0 for a record that never reached the function's code.
        add(headers, DeadLetterHeaders.ATTEMPTS, invoked ? "1" : "0");
        add(headers, DeadLetterHeaders.ERROR_CLASS, cause.getClass().getName());
        add(headers, DeadLetterHeaders.ERROR_MESSAGE, cut(String.valueOf(cause.getMessage()), DeadLetterHeaders.MESSAGE_LIMIT));
        add(headers, DeadLetterHeaders.ERROR_STACK_TRACE, cut(stackTrace(cause), DeadLetterHeaders.STACK_TRACE_LIMIT));
        add(headers, DeadLetterHeaders.FIRST_FAILURE, now);
        add(headers, DeadLetterHeaders.LAST_FAILURE, now);
        return new ProducerRecord<>(routing.topicFor(context.topic()), null, context.sourceRawKey(),
                context.sourceRawValue(), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }
}
