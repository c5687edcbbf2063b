package io.newspipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.localstack.ArticleGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteOneGzipFilePerOutletAndMonthWithEveryArticleInItsMonthsAndStyles() throws IOException {
        ArticleGenerator sentences = new ArticleGenerator(Path.of("../samples"), 3);
        ArchiveGenerator.Summary summary = new ArchiveGenerator(sentences, 3, 6, 4).write(dir, 600);

        List<JsonNode> lines = new ArrayList<>();
        Set<String> files = new HashSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                files.add(f.getFileName().toString());
                try (BufferedReader r = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        JsonNode json = new ObjectMapper().readTree(line);
                        String month = json.get("published_at").asText().substring(0, 7);
                        assertThat(f.getFileName().toString()).endsWith(month + ".jsonl.gz")
                                .startsWith(json.get("source").asText());
                        lines.add(json);
                    }
                }
            }
        }
        assertThat(lines).hasSize(600);
        assertThat(summary.articles()).isEqualTo(600);
        assertThat(summary.files()).isEqualTo(files.size()).isEqualTo(24);
        assertThat(lines).extracting(j -> j.get("url").asText()).doesNotHaveDuplicates();
        assertThat(lines).extracting(j -> Instant.parse(j.get("published_at").asText()))
                .allMatch(t -> !t.isBefore(Instant.parse("2025-01-01T00:00:00Z"))
                        && t.isBefore(Instant.parse("2025-05-01T00:00:00Z")));
        assertThat(lines).extracting(j -> j.get("body").asText())
                .anyMatch(b -> b.startsWith("TEMPO.CO, ") && b.contains("\nBaca juga: "))
                .anyMatch(b -> b.contains(" (ANTARA) - ") && b.contains("\nPewarta: "))
                .anyMatch(b -> b.contains("\nBaca Juga ") && b.contains("\nRep: "));
    }
}
