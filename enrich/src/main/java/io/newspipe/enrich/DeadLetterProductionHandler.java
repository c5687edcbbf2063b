package io.newspipe.enrich;

import io.newspipe.avro.DeadLetter;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.serde.AvroSerializer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a failed write to {@code news.enriched} means: retriable errors are retried; authorisation,
 * authentication and a missing topic stop the app (they need an operator); anything else about this one record
 * (too large, cannot be serialised) sends the source record to {@code news.dlq} as a {@link DeadLetter} with its
 * original bytes, and processing resumes. Configured through the Streams config: {@value #DLQ_TOPIC_CONFIG} and
 * {@code schema.registry.url}.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    public static final String DLQ_TOPIC_CONFIG = "newspipe.dlq.topic";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private String dlqTopic;
    private AvroSerializer<DeadLetter> serializer;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(DLQ_TOPIC_CONFIG);
        dlqTopic = topic == null ? io.newspipe.schemas.Topics.DLQ : topic.toString();
        serializer = new AvroSerializer<>();
        serializer.configure(configs, false);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        // checked before the retriable ones: a missing topic is retriable to the client, but retrying cannot help
        if (exception instanceof AuthorizationException || exception instanceof AuthenticationException
                || exception instanceof UnknownTopicOrPartitionException) {
            LOG.error("cannot write to {}: {} — fix the ACLs/credentials or create the topic, then restart",
                    record.topic(), exception.toString());
            return Response.fail();
        }
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        return deadLetter(context, record, "production", exception);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        return deadLetter(context, null, "serialization", exception);
    }

    private Response deadLetter(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, String reason,
                                Exception exception) {
        LOG.warn("dead letter ({}) for {}-{}@{}: {}", reason, context.topic(), context.partition(), context.offset(),
                exception.toString());
        DeadLetter letter = DeadLetters.fromRecord("enrich", reason, exception, context.topic(),
                context.partition(), context.offset(), context.sourceRawKey(), context.sourceRawValue(),
                Map.of("processor", String.valueOf(context.processorNodeId()),
                        "task.id", String.valueOf(context.taskId()),
                        "target.topic", record == null ? "?" : record.topic()));
        byte[] value = serializer.serialize(dlqTopic, letter);
        return Response.resume(List.of(new ProducerRecord<>(dlqTopic, context.sourceRawKey(), value)));
    }
}
