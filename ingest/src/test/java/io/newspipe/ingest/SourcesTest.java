package io.newspipe.ingest;

import static io.newspipe.ingest.TestIngestors.gzip;
import static io.newspipe.ingest.TestIngestors.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each source kind read from files: JSON Lines, RSS 2.0, Atom, text, gzip of them, folders and the watcher. */
class SourcesTest {

    @TempDir
    Path dir;

    private final TestIngestors t = new TestIngestors();

    private static Path resource(String name) {
        return Path.of("src/test/resources/feeds", name);
    }

    @Test
    void shouldTurnParagraphsAndLineBreaksIntoLinesAndDropScripts() {
        String text = HtmlText.toText("<div><h2>Judul</h2><p>Satu &amp; dua,\n  tiga.</p><p>Empat<br>lima</p>"
                + "<script>alert(1)</script><style>p{}</style><ul><li>a</li><li>b</li></ul></div>");
        assertThat(text).isEqualTo("Judul\nSatu & dua, tiga.\nEmpat\nlima\na\nb");
        assertThat(HtmlText.toText(null)).isEmpty();
    }

    @Test
    void shouldReadJsonLinesWithEveryDocumentedField() throws Exception {
        Path f = write(dir.resolve("archive.jsonl"), """
                {"id":"a1","url":"https://example.com/a?utm_source=x","title":"A","body":"Baris satu.\\nBaris dua.","source":"example.com","published_at":"2025-07-06T10:00:00+07:00","language":"id"}

                {"id":"a2","link":"https://example.com/b","title":"B","html":"<p>Para satu.</p><p>Para dua.</p>","published_at":1751770800}
                """);

        t.ingestor.ingestPaths(List.of(f));

        List<RawArticle> out = t.published();
        assertThat(out).hasSize(2);
        RawArticle a = out.get(0);
        assertThat(a.getId()).isEqualTo(ArticleIds.of("https://example.com/a", null, null, null));
        assertThat(a.getTitle()).isEqualTo("A");
        assertThat(a.getBody()).isEqualTo("Baris satu.\nBaris dua.");
        assertThat(a.getSource()).isEqualTo("example.com");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2025-07-06T03:00:00Z"));
        assertThat(a.getLanguageHint()).isEqualTo("id");
        assertThat(a.getContentType()).isEqualTo("application/jsonl");
        assertThat(a.getOrigin()).isEqualTo(f + ":1 (id a1)");
        RawArticle b = out.get(1);
        assertThat(b.getBody()).isEqualTo("Para satu.\nPara dua.");
        assertThat(b.getSource()).as("missing source falls back to the folder name").isEqualTo(dir.getFileName().toString());
        assertThat(b.getPublishedAt()).isEqualTo(Instant.ofEpochSecond(1751770800));
        assertThat(b.getOrigin()).startsWith(f + ":3");
        assertThat(t.raw.history().get(0).timestamp()).isEqualTo(Instant.parse("2025-07-06T03:00:00Z").toEpochMilli());
        assertThat(t.ingestor.summary()).isEqualTo(new IngestSummary(2, 0, 0));
    }

    @Test
    void shouldReadRss2ContentEncodedAsLinesOfText() throws Exception {
        t.ingestor.ingestPaths(List.of(resource("antara-rss.xml")));

        List<RawArticle> out = t.published();
        assertThat(out).hasSize(2);
        RawArticle a = out.get(0);
        assertThat(a.getTitle()).isEqualTo("Banjir rendam ratusan rumah di Bekasi");
        assertThat(a.getBody()).isEqualTo("""
                Bekasi (ANTARA) - Banjir merendam ratusan rumah di Bekasi, Minggu.
                Baca juga: Hujan deras diperkirakan berlanjut
                Warga mengungsi ke masjid terdekat.
                Petugas BPBD membantu evakuasi.""");
        assertThat(a.getSource()).isEqualTo("antaranews.com");
        assertThat(a.getLanguageHint()).isEqualTo("id");
        assertThat(a.getContentType()).isEqualTo("application/rss+xml");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2025-07-06T03:00:00Z"));
        assertThat(a.getId()).as("tracking parameters do not change the id")
                .isEqualTo(ArticleIds.of("https://www.antaranews.com/berita/4001/banjir-rendam-ratusan-rumah-di-bekasi",
                        null, null, null));
        assertThat(out.get(1).getBody()).as("description used when there is no content:encoded")
                .isEqualTo("Jakarta (ANTARA) - Timnas Indonesia menang 2-0.\nGol dicetak pada babak kedua.");
    }

    @Test
    void shouldReadAtomSummaryHtml() throws Exception {
        t.ingestor.ingestPaths(List.of(resource("kompas-atom.xml")));

        RawArticle a = t.published().get(0);
        assertThat(a.getUrl()).isEqualTo("https://money.kompas.com/read/2025/07/06/harga-beras-naik");
        assertThat(a.getBody()).isEqualTo("JAKARTA, KOMPAS.com - Harga beras naik di sejumlah pasar.\nPedagang mengeluh.");
        assertThat(a.getSource()).isEqualTo("kompas.com");
        assertThat(a.getContentType()).isEqualTo("application/atom+xml");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2025-07-06T05:00:00Z"));
    }

    @Test
    void shouldReadGzipOfEveryKindByMagicBytesNotByName() throws Exception {
        gzip(dir.resolve("a.jsonl.gz"), "{\"url\":\"https://x.test/1\",\"body\":\"satu\"}\n".getBytes(StandardCharsets.UTF_8));
        gzip(dir.resolve("feed.rss.gz"), Files.readAllBytes(resource("antara-rss.xml")));
        gzip(dir.resolve("article.txt.gz"), "Title: T\nURL: https://x.test/2\n\nIsi artikel.\n".getBytes(StandardCharsets.UTF_8));
        gzip(dir.resolve("no-extension"), "{\"url\":\"https://x.test/3\",\"body\":\"tiga\"}\n".getBytes(StandardCharsets.UTF_8));

        IngestSummary s = t.ingestor.ingestPaths(List.of(dir));

        assertThat(s).isEqualTo(new IngestSummary(5, 0, 0));
        assertThat(t.published()).extracting(RawArticle::getUrl).contains("https://x.test/1", "https://x.test/2",
                "https://x.test/3");
    }

    @Test
    void shouldWalkFoldersRecursivelyAndSniffFormatsWithoutExtensions() throws Exception {
        write(dir.resolve("2025/07/one.txt"), "Satu.");
        write(dir.resolve("2025/08/deep/two.jsonl"), "{\"url\":\"https://x.test/two\",\"body\":\"Dua.\"}");
        Files.copy(resource("kompas-atom.xml"), dir.resolve("2025/feed"));
        write(dir.resolve("2025/.hidden.txt"), "hidden");

        IngestSummary s = t.ingestor.ingestPaths(List.of(dir));

        assertThat(s.published()).isEqualTo(3);
        assertThat(t.published()).extracting(RawArticle::getContentType)
                .containsExactlyInAnyOrder("text/plain", "application/jsonl", "application/atom+xml");
    }

    @Test
    void shouldCountTheSameArticleFromTwoSourcesAsADuplicate() throws Exception {
        write(dir.resolve("a.jsonl"), "{\"url\":\"https://x.test/same?utm_medium=a\",\"body\":\"Satu.\"}");
        write(dir.resolve("b.txt"), "URL: https://X.test/same#top\n\nSatu.");

        IngestSummary s = t.ingestor.ingestPaths(List.of(dir));

        assertThat(s).isEqualTo(new IngestSummary(1, 1, 0));
    }

    @Test
    void shouldPickUpNewFilesInAWatchedFolderOnceTheyAreComplete() throws Exception {
        DirectoryWatcher w = new DirectoryWatcher(dir, t.ingestor, Duration.ofSeconds(1));
        assertThat(w.scanOnce()).isZero();
        gzip(dir.resolve("in/new.jsonl.gz"), "{\"url\":\"https://x.test/w\",\"body\":\"baru\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(w.scanOnce()).as("first sighting: size not yet known to be stable").isZero();
        assertThat(w.scanOnce()).isEqualTo(1);
        assertThat(w.scanOnce()).isZero();

        assertThat(t.published()).extracting(RawArticle::getUrl).containsExactly("https://x.test/w");
    }

    @Test
    void shouldNotReadFilesAgainThatWereIngestedBeforeWatchingStarted() throws Exception {
        Path old = write(dir.resolve("old.txt"), "URL: https://x.test/old\n\nLama.");
        DirectoryWatcher w = new DirectoryWatcher(dir, t.ingestor, Duration.ofSeconds(1));
        w.skipExisting();
        t.ingestor.ingestPaths(List.of(dir));

        assertThat(w.scanOnce() + w.scanOnce()).isZero();
        Files.writeString(old, "URL: https://x.test/old-2\n\nBaru.");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(w.scanOnce() + w.scanOnce()).isEqualTo(1);

        assertThat(t.published()).extracting(RawArticle::getUrl).containsExactly("https://x.test/old",
                "https://x.test/old-2");
        assertThat(t.ingestor.summary().duplicates()).isZero();
    }
}
