package io.newspipe.schemas.registry;

import org.apache.avro.Schema;

/** One registered version of a subject. */
public record SchemaMetadata(int id, int version, Schema schema) {
}
