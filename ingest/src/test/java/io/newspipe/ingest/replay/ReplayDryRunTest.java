package io.newspipe.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.ingest.Ingestor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayDryRunTest {

    @TempDir
    Path dir;

    private static String line(String url, String source, String published) {
        return "{\"url\":\"" + url + "\",\"source\":\"" + source + "\",\"body\":\"isi " + url + "\""
                + (published == null ? "" : ",\"published_at\":\"" + published + "\"") + "}\n";
    }

    @Test
    void shouldCountWhatAReplayWouldPublishWithoutPublishing() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Files.writeString(archive.resolve("a.jsonl"), line("https://a.test/1", "a.test", "2025-07-06T10:00:00Z")
                + line("https://a.test/2", "a.test", "2025-07-07T10:00:00Z")
                + line("https://b.test/1", "b.test", "2025-07-07T11:00:00Z")
                + line("https://b.test/undated", "b.test", null)
                + "{not json\n");
        Files.writeString(archive.resolve("b.jsonl"), line("https://a.test/1", "a.test", "2025-07-06T10:00:00Z")
                + line("https://b.test/old", "b.test", "2024-01-01T00:00:00Z"));

        ReplayDryRun run = ReplayDryRun.of(Ingestor.sourceFiles(1 << 20), List.of(archive),
                Instant.parse("2025-01-01T00:00:00Z"), null, dir.resolve("work"), 1 << 20);

        assertThat(run.articles()).isEqualTo(3);
        assertThat(run.copies()).isEqualTo(1);
        assertThat(run.withoutTime()).isEqualTo(1);
        assertThat(run.outside()).isEqualTo(1);
        assertThat(run.perDay()).containsExactly(Map.entry(LocalDate.parse("2025-07-06"), 1L),
                Map.entry(LocalDate.parse("2025-07-07"), 2L));
        assertThat(run.perOutlet()).containsExactly(Map.entry("a.test", 2L), Map.entry("b.test", 1L));
        assertThat(run.badByReason()).containsExactly(Map.entry("invalid-json", 1L));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        run.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("would publish 3 article(s)")
                .contains("2025-07-07        2").contains("invalid-json=1");
    }
}
