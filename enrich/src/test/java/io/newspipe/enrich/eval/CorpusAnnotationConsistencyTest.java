package io.newspipe.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.enrich.tag.TopicTagger;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every annotation of the corpus agrees with its text: the numbers of boilerplate lines are in range and never
 * name a blank line, each inline fragment is found on its line, each related headline is written in the text
 * exactly as annotated, a known headline is what line 1 starts with, the dateline occurs in the text, and the
 * language and topic labels are ones the product knows. A wrong line number would silently move a gold label
 * onto another line and corrupt every figure measured on the corpus, so each article is checked on its own.
 */
class CorpusAnnotationConsistencyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> LANGUAGES = Set.of("id", "en", "ms");

    @TestFactory
    Stream<DynamicTest> everyAnnotationAgreesWithItsText() throws IOException {
        Set<String> labels = Set.copyOf(TopicTagger.defaults().labels());
        try (Stream<Path> files = Files.list(CorpusFolder.path())) {
            List<Path> annotations = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            return annotations.stream().map(json -> DynamicTest.dynamicTest(json.getFileName().toString(),
                    () -> assertThat(problems(json, labels)).as("annotation %s", json.getFileName()).isEmpty()));
        }
    }

    @Test
    void aLineNumberOnABlankLineAFragmentOffItsLineAndAnUnwrittenHeadlineAreAllReported(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("001.txt"), "Judul\n\nBaca juga: Jembatan Baru\nKalimat satu. (ant)\n",
                StandardCharsets.UTF_8);
        Path json = dir.resolve("001.json");
        Files.writeString(json, """
                {"outlet": "x", "language": "id", "title": "Judul", "boilerplate_lines": [2, 9],
                 "inline_boilerplate_fragments": [{"line": 3, "text": "(ant)"}],
                 "related_headlines": ["Jembatan Lama"], "dateline": null, "topics": ["society", "gossip"]}
                """, StandardCharsets.UTF_8);

        List<String> problems = problems(json, Set.of("society"));

        assertThat(problems).containsExactlyInAnyOrder(
                "boilerplate line 2 is blank", "boilerplate line 9 is past the last line 4",
                "fragment \"(ant)\" is not on line 3", "related headline \"Jembatan Lama\" is not in the text",
                "unknown topic gossip");
    }

    /** What is wrong with one annotation against its text; empty when it agrees. */
    static List<String> problems(Path json, Set<String> labels) throws IOException {
        JsonNode a = MAPPER.readTree(json.toFile());
        String name = json.getFileName().toString();
        Path textFile = json.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".txt");
        String text = Files.readString(textFile, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        List<String> problems = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (JsonNode n : a.path("boilerplate_lines")) {
            int line = n.asInt();
            if (!seen.add(line)) {
                problems.add("boilerplate line " + line + " is listed twice");
            } else if (line < 1 || line > count) {
                problems.add("boilerplate line " + line + " is past the last line " + count);
            } else if (lines[line - 1].isBlank()) {
                problems.add("boilerplate line " + line + " is blank");
            }
        }
        for (JsonNode f : a.path("inline_boilerplate_fragments")) {
            int line = f.path("line").asInt();
            String fragment = f.path("text").asText();
            if (line < 1 || line > count || fragment.isEmpty() || !lines[line - 1].contains(fragment)) {
                problems.add("fragment \"" + fragment + "\" is not on line " + line);
            }
        }
        for (JsonNode h : a.path("related_headlines")) {
            if (!text.contains(h.asText())) {
                problems.add("related headline \"" + h.asText() + "\" is not in the text");
            }
        }
        if (a.path("title").isTextual() && !lines[0].startsWith(a.path("title").asText().strip())) {
            problems.add("line 1 does not start with the title");
        }
        if (a.path("dateline").isTextual() && !text.contains(a.path("dateline").asText())) {
            problems.add("dateline \"" + a.path("dateline").asText() + "\" is not in the text");
        }
        if (!LANGUAGES.contains(a.path("language").asText())) {
            problems.add("unknown language " + a.path("language").asText());
        }
        if (a.path("topics").size() < 1 || a.path("topics").size() > 3) {
            problems.add("topics must be 1 to 3 labels");
        }
        for (JsonNode t : a.path("topics")) {
            if (!labels.contains(t.asText())) {
                problems.add("unknown topic " + t.asText());
            }
        }
        return problems;
    }
}
