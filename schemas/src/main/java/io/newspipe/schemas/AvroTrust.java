package io.newspipe.schemas;

import org.apache.avro.specific.AvroGenerated;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes named by a schema unless they are trusted (reading specific records,
 * deep-copying them with {@code newBuilder(other)}). Classes generated from Avro schemas (specific records and
 * fixed types, and generated enums) are what specific reading is for, so they are trusted in addition to whatever
 * the global policy (or the {@code org.apache.avro.SERIALIZABLE_*} system properties) already allows. Installed by
 * the Serde and by the command line; idempotent.
 */
public final class AvroTrust {

    private static boolean installed;

    private AvroTrust() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate generated = c -> SpecificRecord.class.isAssignableFrom(c)
                || SpecificFixed.class.isAssignableFrom(c)
                || c.isEnum() && c.isAnnotationPresent(AvroGenerated.class);
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                generated));
        installed = true;
    }
}
