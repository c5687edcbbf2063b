package io.newspipe.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.DeadLetter;
import io.newspipe.schemas.serde.AvroDeserializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeadLetterProductionHandlerTest {

    private static final String REGISTRY = "mock://dead-letter-production-handler-test";
    private static final byte[] KEY = "article-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = {0, 0, 0, 0, 1, 42};

    private final DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
    private final ProducerRecord<byte[], byte[]> failed = new ProducerRecord<>("news.enriched", KEY, new byte[9]);

    DeadLetterProductionHandlerTest() {
        handler.configure(Map.of(DeadLetterProductionHandler.DLQ_TOPIC_CONFIG, "test.dlq",
                "schema.registry.url", REGISTRY));
    }

    static Stream<Arguments> exceptionsAndWhatTheyMean() {
        return Stream.of(
                Arguments.of(new TimeoutException("slow broker"), Result.RETRY),
                Arguments.of(new NotLeaderOrFollowerException("moving"), Result.RETRY),
                Arguments.of(new AuthorizationException("no ACL"), Result.FAIL),
                Arguments.of(new SaslAuthenticationException("bad password"), Result.FAIL),
                Arguments.of(new UnknownTopicOrPartitionException("no topic"), Result.FAIL),
                Arguments.of(new RecordTooLargeException("too big"), Result.RESUME));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exceptionsAndWhatTheyMean")
    void shouldRetryTransientErrorsStopOnOperatorErrorsAndResumeOnRecordErrors(Exception e, Result expected) {
        assertThat(handler.handleError(new Context(), failed, e).result()).isEqualTo(expected);
    }

    @Test
    void shouldSendTheSourceRecordToTheDeadLetterTopicWithItsPlaceAndBytes() {
        Response response = handler.handleError(new Context(), failed, new RecordTooLargeException("too big"));

        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("test.dlq");
            assertThat(r.key()).isEqualTo(KEY);
            DeadLetter letter = read(r.value());
            assertThat(letter.getStage()).isEqualTo("enrich");
            assertThat(letter.getReason()).isEqualTo("production");
            assertThat(letter.getErrorMessage()).contains("too big");
            assertThat(letter.getTopic()).isEqualTo("news.raw");
            assertThat(letter.getPartition()).isEqualTo(3);
            assertThat(letter.getOffset()).isEqualTo(17L);
            assertThat(bytes(letter.getValue())).isEqualTo(VALUE);
            assertThat(letter.getContext()).containsEntry("target.topic", "news.enriched");
        });
    }

    @Test
    void shouldDeadLetterARecordThatCannotBeSerialised() {
        Response response = handler.handleSerializationError(new Context(), failed,
                new IllegalStateException("no schema"), SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement()
                .satisfies(r -> assertThat(read(r.value()).getReason()).isEqualTo("serialization"));
    }

    private static DeadLetter read(byte[] value) {
        AvroDeserializer<DeadLetter> deserializer = new AvroDeserializer<>(DeadLetter.class);
        deserializer.configure(Map.of("schema.registry.url", REGISTRY), false);
        return deserializer.deserialize("test.dlq", value);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    /** The source record's place: raw topic partition 3, offset 17. */
    private static final class Context implements ErrorHandlerContext {
        @Override
        public String topic() {
            return "news.raw";
        }

        @Override
        public int partition() {
            return 3;
        }

        @Override
        public long offset() {
            return 17;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "enrich-sink";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 3);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return KEY;
        }

        @Override
        public byte[] sourceRawValue() {
            return VALUE;
        }
    }
}
