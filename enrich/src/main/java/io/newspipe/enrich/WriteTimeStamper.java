package io.newspipe.enrich;

import java.util.function.ToLongFunction;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Gives each output record the time it was written ({@code enriched_at}, {@code failed_at}) as its timestamp,
 * where it would otherwise inherit the raw record's (the publication time). Time retention on the enriched and
 * dead letter topics then counts from when a record was written: an archive replayed with 2019 publication
 * times is not deleted by the next retention check, minutes after it was enriched.
 */
final class WriteTimeStamper<K, V> implements FixedKeyProcessor<K, V, V> {

    private final ToLongFunction<V> time;
    private FixedKeyProcessorContext<K, V> context;

    WriteTimeStamper(ToLongFunction<V> time) {
        this.time = time;
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        context.forward(record.withTimestamp(time.applyAsLong(record.value())));
    }
}
