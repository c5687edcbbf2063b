package io.newspipe.schemas.serde;

import io.newspipe.schemas.AvroTrust;
import io.newspipe.schemas.registry.RegistryException;
import io.newspipe.schemas.registry.SchemaMetadata;
import io.newspipe.schemas.registry.SchemaRegistryClient;
import io.newspipe.schemas.registry.SchemaRegistryClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in the Confluent wire format: magic byte 0, the 4-byte big-endian
 * schema id, then Avro binary. Registers the schema under the subject ({@code <topic>-value} by default) when
 * {@code auto.register.schemas} is true (the default), otherwise looks its id up; with {@code use.latest.version}
 * it writes with the subject's latest schema. {@code null} serialises to {@code null} (a tombstone).
 */
public class AvroSerializer<T> implements Serializer<T> {

    public static final byte MAGIC_BYTE = 0;

    static {
        AvroTrust.install();
    }

    private SchemaRegistryClient registry;
    private boolean isKey;
    private boolean autoRegister = true;
    private boolean useLatestVersion;
    private SubjectNameStrategy strategy = SubjectNameStrategy.TOPIC_NAME;
    private final EncoderFactory encoders = EncoderFactory.get();
    private final java.util.Map<WriterKey, DatumWriter<?>> writers = new java.util.concurrent.ConcurrentHashMap<>();

    public AvroSerializer() {
    }

    /** For callers that share one client (the configs still supply the other settings). */
    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry == null) {
            registry = SchemaRegistryClients.create(configs);
        }
        autoRegister = AvroSerdeConfig.bool(configs, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        useLatestVersion = AvroSerdeConfig.bool(configs, AvroSerdeConfig.USE_LATEST_VERSION, false);
        strategy = SubjectNameStrategy.parse(configs.get(isKey ? AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY
                : AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY));
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer used before configure(): set schema.registry.url");
        }
        Schema schema = schemaOf(data);
        String subject = strategy.subject(topic, isKey, schema);
        int id;
        Schema writeWith = schema;
        try {
            if (useLatestVersion) {
                SchemaMetadata latest = registry.getLatestSchemaMetadata(subject);
                id = latest.id();
                writeWith = latest.schema();
            } else if (autoRegister) {
                id = registry.register(subject, schema);
            } else {
                id = registry.getId(subject, schema);
            }
        } catch (RegistryException e) {
            throw new SerializationException("Error registering/looking up Avro schema for subject \"" + subject
                    + "\": " + e.getMessage(), e);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(MAGIC_BYTE);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = encoders.directBinaryEncoder(out, null);
            writerFor(data, writeWith).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Error serializing Avro message for subject \"" + subject + "\" with "
                    + "schema id " + id + ": " + e.getMessage(), e);
        }
    }

    /** Writers are built once per (schema, specific class) and reused: Avro's writers are thread-safe. */
    @SuppressWarnings("unchecked")
    private DatumWriter<T> writerFor(T data, Schema schema) {
        Class<?> specific = data instanceof SpecificRecord ? data.getClass() : null;
        return (DatumWriter<T>) writers.computeIfAbsent(new WriterKey(schema, specific), k -> k.specific() != null
                ? new SpecificDatumWriter<>(k.schema(), SpecificData.getForClass(k.specific()))
                : new GenericDatumWriter<Object>(k.schema(), GenericData.get()));
    }

    private record WriterKey(Schema schema, Class<?> specific) {
    }

    static Schema schemaOf(Object data) {
        if (data instanceof GenericContainer c) {
            return c.getSchema();
        }
        if (data instanceof String || data instanceof CharSequence) {
            return Schema.create(Schema.Type.STRING);
        }
        if (data instanceof Integer) {
            return Schema.create(Schema.Type.INT);
        }
        if (data instanceof Long) {
            return Schema.create(Schema.Type.LONG);
        }
        if (data instanceof Boolean) {
            return Schema.create(Schema.Type.BOOLEAN);
        }
        if (data instanceof Double) {
            return Schema.create(Schema.Type.DOUBLE);
        }
        if (data instanceof Float) {
            return Schema.create(Schema.Type.FLOAT);
        }
        if (data instanceof byte[] || data instanceof ByteBuffer) {
            return Schema.create(Schema.Type.BYTES);
        }
        throw new SerializationException("Unsupported Avro type " + data.getClass().getName()
                + ": pass a specific record, a GenericRecord or a primitive");
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
