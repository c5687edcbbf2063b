package io.newspipe.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Plain JSON for Avro records as people read them: field names as in the schema, unions unwrapped (no {@code
 * {"string": …}}), timestamps as ISO-8601, bytes as base64. Used by {@code newspipe clean}, {@code tail} and the JSON Lines file sink.
 */
public final class AvroJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    public static JsonNode toNode(IndexedRecord record) {
        ObjectNode o = NODES.objectNode();
        for (Schema.Field f : record.getSchema().getFields()) {
            o.set(f.name(), value(record.get(f.pos())));
        }
        return o;
    }

    /** One line of JSON. */
    public static String compact(IndexedRecord record) {
        return write(MAPPER, toNode(record));
    }

    /** Indented JSON. */
    public static String pretty(IndexedRecord record) {
        return write(PRETTY, toNode(record));
    }

    private static String write(ObjectMapper m, JsonNode n) {
        try {
            return m.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof IndexedRecord r) {
            return toNode(r);
        }
        if (v instanceof CharSequence s) {
            return NODES.textNode(s.toString());
        }
        if (v instanceof Instant i) {
            return NODES.textNode(i.toString());
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Double d) {
            return NODES.numberNode(Math.round(d * 10000.0) / 10000.0);
        }
        if (v instanceof Float f) {
            return NODES.numberNode(f);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof ByteBuffer b) {
            ByteBuffer dup = b.duplicate();
            byte[] bytes = new byte[dup.remaining()];
            dup.get(bytes);
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = NODES.arrayNode();
            c.forEach(x -> a.add(value(x)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, x) -> o.set(k.toString(), value(x)));
            return o;
        }
        return NODES.textNode(v.toString());
    }
}
