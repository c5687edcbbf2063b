package io.newspipe.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The bundled sample under a URL of its own, so its article id is new: integration tests share one PostgreSQL,
 * and a test that waits for "the sample's row" must not be satisfied by a row another test wrote.
 */
final class UniqueSample {

    static final Path SAMPLE = Path.of("../samples/klikanggaran-trump-putin.txt");

    private UniqueSample() {
    }

    static Path copyInto(Path dir) {
        try {
            Path file = Files.createTempFile(Files.createDirectories(dir), "sample-", ".txt");
            Files.writeString(file, "URL: https://newspipe.test/" + UUID.randomUUID() + "\n\n"
                    + Files.readString(SAMPLE, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
