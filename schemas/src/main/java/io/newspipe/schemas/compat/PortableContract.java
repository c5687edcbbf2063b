package io.newspipe.schemas.compat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The rules that let every mainstream Avro client decode a contract with its default settings: Java (Apache Avro),
 * JavaScript (Confluent's {@code @confluentinc/schemaregistry}, {@code avsc}), Python ({@code fastavro}), Go
 * ({@code hamba/avro}, {@code linkedin/goavro}) and kcat.
 *
 * <ul>
 *   <li><b>No 64-bit identifiers or hashes in a {@code long}.</b> JavaScript numbers hold integers exactly only up
 *       to 2^53; Confluent's JavaScript deserializer refuses larger values ("potential precision loss") unless told to
 *       use BigInt. A {@code long} is allowed as a {@code timestamp-millis} (bounded by time) or as one of the
 *       {@link #BOUNDED_LONGS counts} that stay far below 2^53; hashes and identifiers are strings.</li>
 *   <li><b>Logical types</b>: only {@code timestamp-millis}, which every client reads (as a date or as a number of
 *       milliseconds). No {@code decimal} (bytes whose meaning clients disagree on) or sub-millisecond timestamps.</li>
 *   <li><b>Unions</b>: only {@code ["null", T]}, the optional-value shape every code generator maps to a nullable
 *       field.</li>
 *   <li><b>Enums</b> carry a default symbol, so a consumer on an older schema reads a symbol added later.</li>
 *   <li><b>Names</b>: field names are lower snake case and no name is a reserved word of Java, JavaScript,
 *       Python or Go, so generated classes, structs and dictionaries need no renaming.</li>
 * </ul>
 */
public final class PortableContract {

    /** {@code Record.field} of the longs that are counts, not identifiers: a Kafka offset never nears 2^53. */
    public static final Set<String> BOUNDED_LONGS = Set.of("DeadLetter.offset");

    /** The largest integer a JavaScript number (an IEEE 754 double) holds exactly: 2^53 - 1. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private static final Set<String> RESERVED_WORDS = Set.of(
            // Java
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var",
            "record", "yield", "sealed", "permits",
            // JavaScript
            "debugger", "delete", "export", "function", "in", "typeof", "with", "let", "await", "arguments", "eval",
            // Python
            "and", "as", "async", "def", "del", "elif", "except", "from", "global", "is", "lambda", "nonlocal", "not",
            "or", "pass", "raise", "match", "none",
            // Go
            "chan", "defer", "fallthrough", "func", "go", "map", "range", "select", "struct", "type");

    private PortableContract() {
    }

    /** One sentence per rule the schema breaks, naming the field and the fix; empty when it is portable. */
    public static List<String> problems(Schema schema) {
        List<String> problems = new ArrayList<>();
        visit(schema, schema.getName(), null, problems, new HashSet<>());
        return problems;
    }

    private static void visit(Schema schema, String path, String fieldKey, List<String> problems, Set<String> seen) {
        LogicalType logical = schema.getLogicalType();
        if (logical != null && !(logical instanceof LogicalTypes.TimestampMillis)) {
            problems.add("`" + path + "` uses the logical type " + logical.getName()
                    + ", which clients decode differently: use timestamp-millis, a string or a plain number");
        }
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                checkName(schema.getName(), path, problems);
                for (Schema.Field field : schema.getFields()) {
                    String fieldPath = path + "." + field.name();
                    if (!field.name().matches("[a-z][a-z0-9_]*")) {
                        problems.add("field `" + fieldPath + "` is not lower snake case: rename it (add the old "
                                + "name to \"aliases\")");
                    }
                    checkName(field.name(), fieldPath, problems);
                    visit(field.schema(), fieldPath, schema.getName() + "." + field.name(), problems, seen);
                }
            }
            case LONG -> {
                if (logical == null && !BOUNDED_LONGS.contains(fieldKey)) {
                    problems.add("`" + path + "` is a long: JavaScript clients refuse values above 2^53 by default; "
                            + "carry an identifier or hash as a string (e.g. fixed-width hex), or, for a count "
                            + "that stays far below 2^53, list it in PortableContract.BOUNDED_LONGS");
                }
            }
            case UNION -> {
                List<Schema> branches = schema.getTypes();
                if (branches.size() != 2 || branches.get(0).getType() != Schema.Type.NULL) {
                    problems.add("`" + path + "` is the union " + schema + ": use [\"null\", T] with "
                            + "\"default\": null, the optional shape every client maps to a nullable value");
                }
                for (Schema branch : branches) {
                    visit(branch, path, fieldKey, problems, seen);
                }
            }
            case ENUM -> {
                checkName(schema.getName(), path, problems);
                if (schema.getEnumDefault() == null) {
                    problems.add("enum `" + path + "` has no \"default\" symbol: a consumer on an older schema "
                            + "could not read a symbol added later");
                }
            }
            case ARRAY -> visit(schema.getElementType(), path + "[]", fieldKey, problems, seen);
            case MAP -> visit(schema.getValueType(), path + "{}", fieldKey, problems, seen);
            default -> {
                // string, bytes, int, float, double, boolean, null, fixed: decoded alike by every client
            }
        }
    }

    private static void checkName(String name, String path, List<String> problems) {
        if (RESERVED_WORDS.contains(name.toLowerCase(Locale.ROOT))) {
            problems.add("`" + path + "` is named `" + name + "`, a reserved word in Java, JavaScript, Python or "
                    + "Go: choose another name");
        }
    }
}
