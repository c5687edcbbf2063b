package io.newspipe.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Compatibility as the Schema Registry defines it. BACKWARD: a consumer using the new schema can read data written
 * with the old one. FORWARD: a consumer still using the old schema can read data written with the new one. FULL is
 * both. Problems are returned as sentences that name the field and the fix.
 */
public final class SchemaCompatibilityRules {

    private SchemaCompatibilityRules() {
    }

    /** Problems that make {@code candidate} unable to read data written with {@code previous}; empty if compatible. */
    public static List<String> backwardProblems(Schema candidate, Schema previous) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous);
        List<String> problems = new ArrayList<>();
        for (Incompatibility inc : result.getResult().getIncompatibilities()) {
            problems.add(describe(inc));
        }
        return problems;
    }

    /**
     * Problems that make a consumer still on {@code previous} unable to read data written with {@code candidate}
     * (FORWARD compatibility); empty if compatible.
     */
    public static List<String> forwardProblems(Schema candidate, Schema previous) {
        return backwardProblems(previous, candidate);
    }

    static String describe(Incompatibility inc) {
        String where = inc.getLocation();
        String field = fieldOf(where);
        String fix;
        switch (inc.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE:
                fix = "field `" + inc.getMessage() + "` was added without a default: give it a default "
                        + "(for an optional field: type [\"null\", …] with \"default\": null)";
                break;
            case TYPE_MISMATCH:
                fix = "field `" + field + "` changed type (" + inc.getMessage() + "): keep the old type, widen it "
                        + "(int→long, float→double, add union branches) or add a new field with a new name";
                break;
            case NAME_MISMATCH:
                fix = "named type at `" + where + "` was renamed: keep the old name or add it to \"aliases\"";
                break;
            case MISSING_UNION_BRANCH:
                fix = "field `" + field + "` lost a union branch (" + inc.getMessage()
                        + "): keep every branch old data may use";
                break;
            case MISSING_ENUM_SYMBOLS:
                fix = "enum at `" + where + "` lost symbols " + inc.getMessage()
                        + ": keep them or give the enum a \"default\" symbol";
                break;
            case FIXED_SIZE_MISMATCH:
                fix = "fixed at `" + where + "` changed size: keep the old size";
                break;
            default:
                fix = inc.getType() + " at `" + where + "`: " + inc.getMessage();
        }
        return fix + " [at " + where + "]";
    }

    private static String fieldOf(String location) {
        // locations look like /fields/3/type/...; the reader-side name is not in the path, so report the path
        return location == null ? "?" : location;
    }
}
