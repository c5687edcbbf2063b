package io.newspipe.schemas.registry;

import java.io.Closeable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API that the Serde and the tools need. Implementations: {@link
 * RestSchemaRegistryClient} (any Confluent-compatible registry over HTTP) and {@link MockSchemaRegistryClient}
 * ({@code mock://scope}, in memory, for unit tests).
 */
public interface SchemaRegistryClient extends Closeable {

    /** Registers the schema under the subject (or finds it already there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject; {@link RegistryException} 40403 if it is not. */
    int getId(String subject, Schema schema);

    /** The schema with this global id. */
    Schema getSchemaById(int id);

    /** The latest version registered under the subject. */
    SchemaMetadata getLatestSchemaMetadata(String subject);

    /** Whether the schema may be registered under the subject given its compatibility level. */
    boolean testCompatibility(String subject, Schema schema);

    /** Every subject the registry knows. */
    List<String> getAllSubjects();

    /** Sets the compatibility level of a subject (BACKWARD, FORWARD, FULL, NONE, …). */
    void updateCompatibility(String subject, String level);

    @Override
    default void close() {
    }
}
