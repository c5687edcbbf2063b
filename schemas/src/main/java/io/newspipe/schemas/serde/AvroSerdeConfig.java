package io.newspipe.schemas.serde;

import java.util.Map;

/** The serializer/deserializer keys, under Confluent's names ({@code KafkaAvroSerializerConfig} and friends). */
public final class AvroSerdeConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";

    private AvroSerdeConfig() {
    }

    static boolean bool(Map<String, ?> configs, String key, boolean dflt) {
        Object v = configs.get(key);
        return v == null ? dflt : Boolean.parseBoolean(v.toString().trim());
    }
}
