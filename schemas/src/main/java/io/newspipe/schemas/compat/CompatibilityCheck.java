package io.newspipe.schemas.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * Build-time check: every {@code .avsc} in the source folder must be BACKWARD compatible with its last released
 * copy in {@code released/<Name>/v<N>.avsc}. Run by the schemas module's build; fails the build with the field
 * and the fix.
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
            throw new IllegalStateException("Avro schemas are not BACKWARD compatible with their released versions:\n  - "
                    + String.join("\n  - ", problems)
                    + "\nFix the schema, or if the break is intended, release a new subject (a new topic) instead.");
        }
    }

    /** Returns one message per problem; empty when every schema reads its released predecessor's data. */
    public static List<String> check(Path schemaDir, Path releasedDir) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> schemas;
        try (Stream<Path> files = Files.list(schemaDir)) {
            schemas = files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
        for (Path file : schemas) {
            Schema current = new Schema.Parser().parse(file.toFile());
            Optional<Path> released = lastReleased(releasedDir.resolve(current.getName()));
            if (released.isEmpty()) {
                continue; // a new contract: nothing released to be compatible with yet
            }
            Schema previous = new Schema.Parser().parse(released.get().toFile());
            for (String problem : SchemaCompatibilityRules.backwardProblems(current, previous)) {
                problems.add(current.getName() + " (" + file.getFileName() + " vs released "
                        + releasedDir.relativize(released.get()) + "): " + problem);
            }
        }
        return problems;
    }

    static Optional<Path> lastReleased(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
                    .max(Comparator.comparingInt(CompatibilityCheck::versionOf));
        }
    }

    private static int versionOf(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
    }
}
