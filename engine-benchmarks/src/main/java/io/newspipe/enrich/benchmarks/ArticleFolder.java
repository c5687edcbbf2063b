package io.newspipe.enrich.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the {@code .txt} articles of a folder, in name order. */
final class ArticleFolder {

    private ArticleFolder() {
    }

    static List<String> read(String folder) {
        Path dir = Path.of(folder);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no article folder " + dir.toAbsolutePath()
                    + ": run the benchmarks from the project root, or pass -p articles=FOLDER");
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                out.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no .txt articles in " + dir.toAbsolutePath());
        }
        return out;
    }
}
