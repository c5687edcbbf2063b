package io.newspipe.schemas.serde;

import io.newspipe.schemas.AvroTrust;
import io.newspipe.schemas.registry.RegistryException;
import io.newspipe.schemas.registry.SchemaRegistryClient;
import io.newspipe.schemas.registry.SchemaRegistryClients;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format: checks the magic byte, fetches the writer schema by id (cached) and resolves it
 * against the reader schema — the generated class's schema with {@code specific.avro.reader=true} (or when built
 * for a class), the subject's latest with {@code use.latest.version=true}, otherwise the writer schema (generic
 * reading). {@code null} bytes deserialise to {@code null}. Errors are {@link SerializationException}s whose
 * message says what was wrong with the bytes.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient registry;
    private boolean isKey;
    private boolean specific;
    private boolean useLatestVersion;
    private SubjectNameStrategy strategy = SubjectNameStrategy.TOPIC_NAME;
    private final Class<T> type;
    private final DecoderFactory decoders = DecoderFactory.get();
    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    private record ReaderKey(int writerId, Schema reader) {
    }

    static {
        AvroTrust.install();
    }

    public AvroDeserializer() {
        this(null, null);
    }

    /** A deserializer that reads into the given generated class (specific reading). */
    public AvroDeserializer(Class<T> type) {
        this(null, type);
    }

    public AvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        this.type = type;
        this.specific = type != null;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry == null) {
            registry = SchemaRegistryClients.create(configs);
        }
        specific = type != null || AvroSerdeConfig.bool(configs, AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
        useLatestVersion = AvroSerdeConfig.bool(configs, AvroSerdeConfig.USE_LATEST_VERSION, false);
        strategy = SubjectNameStrategy.parse(configs.get(isKey ? AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY
                : AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer used before configure(): set schema.registry.url");
        }
        if (bytes.length < 5) {
            throw new SerializationException("Not Confluent-framed Avro: " + bytes.length + " bytes is shorter than "
                    + "the 5-byte header (magic byte + schema id)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte magic = buffer.get();
        if (magic != AvroSerializer.MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte " + magic + " (expected 0): the record was not "
                    + "written by a Confluent-compatible Avro serializer");
        }
        int id = buffer.getInt();
        Schema writer;
        try {
            writer = registry.getSchemaById(id);
        } catch (RegistryException e) {
            throw new SerializationException("Error retrieving Avro writer schema for id " + id + ": "
                    + e.getMessage(), e);
        }
        Schema reader = readerSchema(topic, writer);
        try {
            DatumReader<Object> datumReader = readers.computeIfAbsent(new ReaderKey(id, reader),
                    k -> newReader(writer, reader));
            BinaryDecoder decoder = decoders.binaryDecoder(bytes, 5, bytes.length - 5, null);
            Object value = datumReader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("Avro record with schema id " + id + " has trailing bytes");
            }
            return (T) value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException("Error deserializing Avro message with schema id " + id + " ("
                    + writer.getFullName() + "): " + e, e);
        }
    }

    private Schema readerSchema(String topic, Schema writer) {
        if (useLatestVersion) {
            try {
                return registry.getLatestSchemaMetadata(strategy.subject(topic, isKey, writer)).schema();
            } catch (RegistryException e) {
                throw new SerializationException("Error retrieving latest reader schema: " + e.getMessage(), e);
            }
        }
        if (specific && writer.getType() == Schema.Type.RECORD) {
            if (type != null) {
                return SpecificData.get().getSchema(type);
            }
            Class<?> cls = SpecificData.get().getClass(writer);
            if (cls == null) {
                throw new SerializationException("specific.avro.reader is true but no generated class "
                        + writer.getFullName() + " is on the class path");
            }
            return SpecificData.get().getSchema(cls);
        }
        return writer;
    }

    private DatumReader<Object> newReader(Schema writer, Schema reader) {
        if (specific && reader.getType() == Schema.Type.RECORD) {
            Class<?> cls = type != null ? type : SpecificData.get().getClass(reader);
            return new SpecificDatumReader<>(writer, reader, SpecificData.getForClass(cls));
        }
        return new GenericDatumReader<>(writer, reader, GenericData.get());
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
