package io.newspipe.schemas;

import io.newspipe.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link DeadLetter}s the same way in every stage: error class and message, source position, bytes. */
public final class DeadLetters {

    /**
     * Original bytes beyond this are cut (the dead letter says so in its context): small enough that a dead letter
     * fits in what a broker takes in one record by default ({@code message.max.bytes}, 1 MiB) even when the bytes
     * do not compress; a dead letter the broker refused would leave its input nowhere but in a log line.
     */
    public static final int MAX_VALUE_BYTES = 512 * 1024;

    private DeadLetters() {
    }

    /** A dead letter for a record that came from a Kafka topic. */
    public static DeadLetter fromRecord(String stage, String reason, Throwable error, String topic, int partition,
                                        long offset, byte[] key, byte[] value, Map<String, String> context) {
        return base(stage, reason, error, key, value, context).setTopic(topic).setPartition(partition)
                .setOffset(offset).build();
    }

    /** A dead letter for input that came from outside Kafka (a file, a feed). */
    public static DeadLetter fromInput(String stage, String reason, Throwable error, String origin, byte[] key,
                                       byte[] value, Map<String, String> context) {
        return base(stage, reason, error, key, value, context).setOrigin(origin).build();
    }

    private static DeadLetter.Builder base(String stage, String reason, Throwable error, byte[] key, byte[] value,
                                           Map<String, String> context) {
        Map<String, String> ctx = new HashMap<>(context == null ? Map.of() : context);
        byte[] v = value;
        if (v != null && v.length > MAX_VALUE_BYTES) {
            ctx.put("value.truncated.from", Integer.toString(v.length));
            v = Arrays.copyOf(v, MAX_VALUE_BYTES);
        }
        Throwable root = error;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != null && root != error) {
            ctx.put("root.cause", root.getClass().getName() + ": " + root.getMessage());
        }
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setReason(reason)
                .setErrorClass(error == null ? null : error.getClass().getName())
                .setErrorMessage(error == null ? null : String.valueOf(error.getMessage()))
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(v == null ? null : ByteBuffer.wrap(v))
                .setFailedAt(Instant.now())
                .setContext(ctx);
    }
}
