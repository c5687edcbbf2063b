package io.newspipe.schemas.registry;

import io.newspipe.schemas.compat.SchemaCompatibilityRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * An in-memory registry for unit tests, reached with {@code schema.registry.url=mock://scope} (Confluent's
 * convention): every client configured with the same scope shares one registry. It enforces BACKWARD
 * compatibility by default, like a real registry configured so. Never use it outside tests.
 */
public final class MockSchemaRegistryClient implements SchemaRegistryClient {

    private static final Map<String, MockSchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();
    private final Map<String, List<SchemaMetadata>> versionsBySubject = new ConcurrentHashMap<>();
    private final Map<String, String> compatibility = new ConcurrentHashMap<>();
    private int nextId = 1;

    /** The shared registry of a {@code mock://} scope. */
    public static MockSchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new MockSchemaRegistryClient());
    }

    /** Forgets a scope (call in test teardown). */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<SchemaMetadata> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        for (SchemaMetadata md : versions) {
            if (md.schema().equals(schema)) {
                return md.id();
            }
        }
        if (!versions.isEmpty() && !compatible(subject, schema)) {
            throw new RegistryException("mock registry: schema for subject \"" + subject + "\" is incompatible: "
                    + SchemaCompatibilityRules.backwardProblems(schema, versions.get(versions.size() - 1).schema()),
                    409, 409);
        }
        int id = schemaById.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey)
                .findFirst().orElseGet(() -> nextId++);
        schemaById.put(id, schema);
        versions.add(new SchemaMetadata(id, versions.size() + 1, schema));
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        for (SchemaMetadata md : versionsBySubject.getOrDefault(subject, List.of())) {
            if (md.schema().equals(schema)) {
                return md.id();
            }
        }
        throw new RegistryException("mock registry: schema not found under subject \"" + subject + "\"", 404, 40403);
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema s = schemaById.get(id);
        if (s == null) {
            throw new RegistryException("mock registry: schema " + id + " not found", 404, 40403);
        }
        return s;
    }

    @Override
    public synchronized SchemaMetadata getLatestSchemaMetadata(String subject) {
        List<SchemaMetadata> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new RegistryException("mock registry: subject \"" + subject + "\" not found", 404, 40401);
        }
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized boolean testCompatibility(String subject, Schema schema) {
        List<SchemaMetadata> versions = versionsBySubject.get(subject);
        return versions == null || versions.isEmpty() || compatible(subject, schema);
    }

    private boolean compatible(String subject, Schema schema) {
        String level = compatibility.getOrDefault(subject, "BACKWARD").toUpperCase(Locale.ROOT);
        List<SchemaMetadata> versions = versionsBySubject.get(subject);
        // *_TRANSITIVE levels compare with every registered version, the others with the latest only
        List<SchemaMetadata> compared = level.endsWith("_TRANSITIVE") ? versions : versions.subList(versions.size() - 1,
                versions.size());
        String rule = level.replace("_TRANSITIVE", "");
        for (SchemaMetadata version : compared) {
            Schema previous = version.schema();
            boolean ok = switch (rule) {
                case "NONE" -> true;
                case "FORWARD" -> SchemaCompatibilityRules.forwardProblems(schema, previous).isEmpty();
                case "FULL" -> SchemaCompatibilityRules.backwardProblems(schema, previous).isEmpty()
                        && SchemaCompatibilityRules.forwardProblems(schema, previous).isEmpty();
                default -> SchemaCompatibilityRules.backwardProblems(schema, previous).isEmpty();
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<String> getAllSubjects() {
        return new ArrayList<>(versionsBySubject.keySet());
    }

    @Override
    public void updateCompatibility(String subject, String level) {
        compatibility.put(subject, level);
    }
}
