package io.newspipe.schemas.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * Build-time check of the contracts, run by the schemas module's build. Every {@code .avsc} in the source folder
 * must be FULL_TRANSITIVE compatible with every released copy in {@code released/<Name>/v<N>.avsc}: a consumer on
 * the new schema reads data written with any released one (BACKWARD), and a consumer still on any released schema
 * reads data written with the new one (FORWARD), because the consumers of a public topic upgrade when they choose,
 * before or after its producer. Every schema must also pass {@link PortableContract}. Fails the build with the
 * field and the fix.
 */
public final class CompatibilityCheck {

    private CompatibilityCheck() {
    }

    /** Arguments: the folder of current schemas, the folder of released schemas. Throws when a check fails. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CompatibilityCheck <schema dir> <released dir>");
        }
        List<String> problems = check(Path.of(args[0]), Path.of(args[1]));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Avro schemas are not FULL_TRANSITIVE compatible with their released "
                    + "versions, or not portable:\n  - " + String.join("\n  - ", problems)
                    + "\nFix the schema, or if the break is intended, release a new subject (a new topic) instead.");
        }
    }

    /** Returns one message per problem; empty when every schema is portable and compatible with every release. */
    public static List<String> check(Path schemaDir, Path releasedDir) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : avscFiles(schemaDir)) {
            Schema current = new Schema.Parser().parse(file.toFile());
            for (String problem : PortableContract.problems(current)) {
                problems.add(current.getName() + " (" + file.getFileName() + "): " + problem);
            }
            for (Path released : releases(releasedDir.resolve(current.getName()))) {
                Schema previous = new Schema.Parser().parse(released.toFile());
                String where = current.getName() + " (" + file.getFileName() + " vs released "
                        + releasedDir.relativize(released) + ")";
                for (String problem : SchemaCompatibilityRules.backwardProblems(current, previous)) {
                    problems.add(where + ", BACKWARD (new consumers, old records): " + problem);
                }
                for (String problem : SchemaCompatibilityRules.forwardProblems(current, previous)) {
                    problems.add(where + ", FORWARD (old consumers, new records): " + problem);
                }
            }
        }
        return problems;
    }

    /** Every released version of one contract, oldest first; empty for a contract not released yet. */
    public static List<Path> releases(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted(Comparator.comparingInt(CompatibilityCheck::versionOf))
                    .toList();
        }
    }

    private static List<Path> avscFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
    }

    private static int versionOf(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
    }
}
