package io.newspipe.enrich.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes small hand-made annotated corpora into a folder, in the format of {@code samples/corpus}. */
final class SmallCorpus {

    private final Path folder;

    SmallCorpus(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /**
     * Adds an article whose line 1 is the title and whose boilerplate lines and related headlines are given;
     * no fragments, no dateline.
     */
    SmallCorpus article(String id, String outlet, List<String> topics, List<Integer> boilerplate,
                        List<String> related, String... lines) {
        String json = "{\"outlet\": " + quote(outlet) + ", \"language\": \"id\", \"title\": " + quote(lines[0])
                + ", \"boilerplate_lines\": " + boilerplate + ", \"inline_boilerplate_fragments\": [],"
                + " \"related_headlines\": " + quoted(related) + ", \"dateline\": null, \"topics\": "
                + quoted(topics) + "}";
        return write(id + ".txt", String.join("\n", lines)).write(id + ".json", json);
    }

    SmallCorpus write(String name, String content) {
        try {
            Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static String quoted(List<String> values) {
        return values.stream().map(SmallCorpus::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
