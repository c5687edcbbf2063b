package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceFilesTest {

    @TempDir
    Path dir;

    private final TestIngestors.Collected handler = new TestIngestors.Collected();
    private final SourceFiles files = new SourceFiles(1 << 20, 1 << 20);

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {"a.jsonl, JSON_LINES", "a.NDJSON, JSON_LINES", "a.json.gz, JSON_LINES",
        "feed.rss, FEED", "feed.atom.gzip, FEED", "x.rdf, FEED", "a.txt, TEXT", "a.text.gz, TEXT", "README, none",
        "a.csv, none"})
    void shouldTellTheFormatFromTheNameAfterAGzipSuffix(String name, SourceFiles.Format expected) {
        assertThat(SourceFiles.formatByName(name)).isEqualTo(expected);
    }

    @Test
    void shouldSniffTheFormatOfAFileWhoseNameDoesNotSayAndReadGzipByItsMagicBytes() throws IOException {
        Path jsonLines = dir.resolve("export");
        TestIngestors.gzip(jsonLines, "{\"body\":\"dari gzip\"}\n".getBytes(StandardCharsets.UTF_8));
        Path text = dir.resolve("article");
        Files.writeString(text, "Title: Judul\n\nIsi berita.", StandardCharsets.UTF_8);
        AtomicLong bytesRead = new AtomicLong();

        files.read(jsonLines, "s", bytesRead::addAndGet, handler);
        files.read(text, "s", bytesRead::addAndGet, handler);

        assertThat(handler.bad).isEmpty();
        assertThat(handler.articles).extracting(TextArticle::body).containsExactly("dari gzip", "Isi berita.");
        assertThat(bytesRead.get()).as("counted on disk, compressed").isEqualTo(Files.size(jsonLines)
                + Files.size(text));
    }

    @Test
    void shouldReportAGzipBombAsOversizeWithoutInflatingIt() throws IOException {
        Path bomb = dir.resolve("bomb.txt.gz");
        // 3 MiB of text, a few KiB on disk, over the 1 MiB limit
        TestIngestors.gzip(bomb, "a".repeat(3 << 20).getBytes(StandardCharsets.UTF_8));

        files.read(bomb, "s", n -> { }, handler);

        assertThat(handler.reasons()).containsExactly("oversize");
        assertThat(handler.articles).isEmpty();
    }

    @Test
    void shouldReportTruncatedGzipAsUnreadable() throws IOException {
        Path truncated = dir.resolve("cut.jsonl.gz");
        byte[] whole = Files.readAllBytes(TestIngestors.gzip(truncated,
                "{\"body\":\"x\"}\n".repeat(1000).getBytes(StandardCharsets.UTF_8)));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));

        files.read(truncated, "s", n -> { }, handler);

        assertThat(handler.reasons()).contains("unreadable");
    }

    @Test
    void shouldListFoldersRecursivelyInNameOrderSkippingHiddenFiles() throws IOException {
        Files.createDirectories(dir.resolve("b/inner"));
        for (String name : List.of("b/inner/z.txt", "b/a.txt", "c.txt", ".hidden.txt")) {
            Files.writeString(dir.resolve(name), "x");
        }

        List<Path> listed = SourceFiles.expand(List.of(dir), handler);

        assertThat(listed).containsExactly(dir.resolve("b/a.txt"), dir.resolve("b/inner/z.txt"), dir.resolve("c.txt"));
    }

    @Test
    void shouldRefuseTimesARecordCannotCarryAndTextACellCannotStore() {
        Instant now = Instant.parse("2025-07-06T00:00:00Z");
        assertThat(SourceFiles.timeProblem(Instant.parse("1969-12-31T23:59:59Z"), now)).contains("before 1970");
        assertThat(SourceFiles.timeProblem(now.plus(SourceFiles.MAX_AHEAD).plusSeconds(1), now)).contains("future");
        assertThat(SourceFiles.timeProblem(now.plus(SourceFiles.MAX_AHEAD), now)).isNull();
        assertThat(SourceFiles.timeProblem(null, now)).isNull();
        TextArticle withNul = new TextArticle(null, "s", "Ju\0dul", "Isi.", null, null, "text/plain", "o");
        assertThat(SourceFiles.textProblem(withNul)).contains("title").contains("offset 2");
    }
}
