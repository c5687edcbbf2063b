package io.newspipe.schemas.serde;

import org.apache.avro.Schema;

/**
 * How a subject is named, as in Confluent's serializers. Configured with {@code key.subject.name.strategy} /
 * {@code value.subject.name.strategy}; Confluent's class names are accepted so existing configs work.
 */
public enum SubjectNameStrategy {
    /** {@code <topic>-key} / {@code <topic>-value}: the default. */
    TOPIC_NAME,
    /** The record's full name. */
    RECORD_NAME,
    /** {@code <topic>-<record full name>}. */
    TOPIC_RECORD_NAME;

    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
            case RECORD_NAME -> schema.getFullName();
            case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
        };
    }

    /** Parses a strategy name: Confluent's class name or simple name, or this enum's name. */
    public static SubjectNameStrategy parse(Object configured) {
        if (configured == null) {
            return TOPIC_NAME;
        }
        String name = configured instanceof Class<?> c ? c.getSimpleName() : configured.toString();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return switch (simple) {
            case "TopicNameStrategy", "TOPIC_NAME" -> TOPIC_NAME;
            case "RecordNameStrategy", "RECORD_NAME" -> RECORD_NAME;
            case "TopicRecordNameStrategy", "TOPIC_RECORD_NAME" -> TOPIC_RECORD_NAME;
            default -> throw new IllegalArgumentException("unknown subject name strategy \"" + configured
                    + "\": use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
        };
    }
}
