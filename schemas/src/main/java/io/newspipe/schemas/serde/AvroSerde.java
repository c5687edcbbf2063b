package io.newspipe.schemas.serde;

import io.newspipe.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} over {@link AvroSerializer} and {@link AvroDeserializer}: generic by default, specific
 * when built with {@link #specific(Class)}. Configure with the same keys as Confluent's {@code
 * SpecificAvroSerde}.
 */
public final class AvroSerde<T> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /** Reads into the given generated class. */
    public static <T> AvroSerde<T> specific(Class<T> type) {
        return new AvroSerde<>(new AvroSerializer<>(), new AvroDeserializer<>(type));
    }

    /** Reads into the given generated class using a shared client. */
    public static <T> AvroSerde<T> specific(Class<T> type, SchemaRegistryClient client) {
        return new AvroSerde<>(new AvroSerializer<>(client), new AvroDeserializer<>(client, type));
    }

    /** Reads GenericRecords (or primitives). */
    public static <T> AvroSerde<T> generic() {
        return new AvroSerde<>(new AvroSerializer<>(), new AvroDeserializer<>());
    }

    /** Configures both sides and returns this. */
    public AvroSerde<T> configured(Map<String, ?> configs, boolean isKey) {
        configure(configs, isKey);
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
