package io.newspipe.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.DeadLetter;
import io.newspipe.schemas.serde.AvroSerializer;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    /** What a broker takes in one record unless configured otherwise (message.max.bytes). */
    private static final int BROKER_DEFAULT_MAX = 1024 * 1024;

    @Test
    void shouldCutTheCopyOfALargeInputSoTheDeadLetterFitsWhatABrokerTakesByDefault() {
        byte[] noise = new byte[1_500_000]; // an input the broker refused; random bytes: compression cannot help
        new Random(1).nextBytes(noise);

        DeadLetter d = DeadLetters.fromInput("ingest", "produce-failed", new IllegalStateException("too large"),
                "big.txt", null, noise, Map.of());

        assertThat(d.getValue().remaining()).isEqualTo(DeadLetters.MAX_VALUE_BYTES);
        assertThat(d.getContext()).containsEntry("value.truncated.from", "1500000");
        AvroSerializer<DeadLetter> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", "mock://dead-letters-test"), false);
        assertThat(serializer.serialize("news.dlq", d).length).isLessThan(BROKER_DEFAULT_MAX - 64 * 1024);
    }

    @Test
    void shouldKeepASmallInputWhole() {
        DeadLetter d = DeadLetters.fromRecord("enrich", "deserialization", null, "news.raw", 0, 7L, null,
                new byte[] {1, 2, 3}, Map.of());

        assertThat(d.getValue().remaining()).isEqualTo(3);
        assertThat(d.getContext()).doesNotContainKey("value.truncated.from");
    }
}
