package io.newspipe.ingest;

import static io.newspipe.ingest.TestIngestors.gzip;
import static io.newspipe.ingest.TestIngestors.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad file input: a dead letter (stage ingest) with a reason and the file (and line) as origin, and
 * the rest of the batch still published. HTTP failures are in {@link FeedPollerTest}.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private final TestIngestors t = new TestIngestors(1024);

    private DeadLetter onlyDeadLetter() {
        assertThat(t.deadLetters()).hasSize(1);
        DeadLetter d = t.deadLetters().get(0);
        assertThat(d.getStage()).isEqualTo("ingest");
        return d;
    }

    private static String text(java.nio.ByteBuffer b) {
        return b == null ? null : StandardCharsets.UTF_8.decode(b.duplicate()).toString();
    }

    @Test
    void shouldDeadLetterABrokenJsonLineByLineNumberAndPublishTheOthers() throws Exception {
        Path f = write(dir.resolve("a.jsonl"), """
                {"url":"https://x.test/1","body":"satu"}
                {"url":"https://x.test/2","body":"dua"
                {"url":"https://x.test/3","body":"tiga"}
                [1, 2]
                """);

        IngestSummary s = t.ingestor.ingestPaths(List.of(f));

        assertThat(s).isEqualTo(new IngestSummary(2, 0, 2));
        assertThat(t.deadLetters()).extracting(DeadLetter::getReason).containsExactly("invalid-json", "invalid-json");
        assertThat(t.deadLetters()).extracting(DeadLetter::getOrigin).containsExactly(f + ":2", f + ":4");
        assertThat(t.deadLetters().get(0).getErrorMessage()).contains(f + ":2").contains("broken JSON");
        assertThat(text(t.deadLetters().get(0).getValue())).isEqualTo("{\"url\":\"https://x.test/2\",\"body\":\"dua\"");
        assertThat(t.published()).extracting(RawArticle::getUrl).containsExactly("https://x.test/1", "https://x.test/3");
    }

    @Test
    void shouldDeadLetterInvalidUtf8InAJsonLineAndATextFile() throws Exception {
        byte[] bad = "{\"url\":\"https://x.test/1\",\"body\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Path jsonl = dir.resolve("latin1.jsonl");
        Files.write(jsonl, concat("{\"url\":\"https://x.test/0\",\"body\":\"ok\"}\n".getBytes(StandardCharsets.UTF_8), bad));
        Path txt = dir.resolve("latin1.txt");
        Files.write(txt, "baris satu\nbaris \u00e9".getBytes(StandardCharsets.ISO_8859_1));

        t.ingestor.ingestPaths(List.of(jsonl, txt));

        assertThat(t.deadLetters()).extracting(DeadLetter::getReason).containsExactly("invalid-utf8", "invalid-utf8");
        assertThat(t.deadLetters()).extracting(DeadLetter::getOrigin).containsExactly(jsonl + ":2", txt + ":2");
        assertThat(t.ingestor.summary().published()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAnEmptyBodyInEachFormat() throws Exception {
        Path jsonl = write(dir.resolve("e.jsonl"), "{\"url\":\"https://x.test/e\",\"title\":\"no body\"}\n");
        Path txt = write(dir.resolve("e.txt"), "Title: kosong\n\n   \n");
        Path rss = write(dir.resolve("e.rss"), "<rss version=\"2.0\"><channel><title>t</title><link>https://x.test/</link>"
                + "<item><title>a</title><link>https://x.test/a</link><description></description></item>"
                + "<item><title>b</title><link>https://x.test/b</link><description>isi</description></item>"
                + "</channel></rss>");

        t.ingestor.ingestPaths(List.of(jsonl, txt, rss));

        assertThat(t.deadLetters()).extracting(DeadLetter::getReason).containsOnly("empty-body");
        assertThat(t.deadLetters()).extracting(DeadLetter::getOrigin).containsExactly(jsonl + ":1", txt.toString(),
                rss + "#entry1");
        assertThat(t.published()).extracting(RawArticle::getUrl).containsExactly("https://x.test/b");
    }

    @Test
    void shouldDeadLetterOversizeArticlesLinesAndGzipBombsWithoutReadingThemWhole() throws Exception {
        String big = "x".repeat(2000);
        Path txt = write(dir.resolve("big.txt"), big);
        Path jsonl = write(dir.resolve("big.jsonl"), "{\"url\":\"https://x.test/1\",\"body\":\"" + big + "\"}\n"
                + "{\"url\":\"https://x.test/2\",\"body\":\"kecil\"}\n");
        Path bomb = gzip(dir.resolve("bomb.txt.gz"), new byte[10 * 1024 * 1024]);

        t.ingestor.ingestPaths(List.of(txt, jsonl, bomb));

        assertThat(t.deadLetters()).extracting(DeadLetter::getReason).containsOnly("oversize");
        assertThat(t.deadLetters()).extracting(DeadLetter::getOrigin).containsExactly(txt.toString(), jsonl + ":1",
                bomb.toString());
        assertThat(t.deadLetters().get(0).getErrorMessage()).contains("over the limit of 1024 bytes");
        assertThat(t.published()).extracting(RawArticle::getUrl).containsExactly("https://x.test/2");
    }

    @Test
    void shouldDeadLetterAnUnreadableFileAndACorruptGzip() throws Exception {
        Path missing = dir.resolve("missing.txt");
        byte[] gz = Files.readAllBytes(gzip(dir.resolve("tmp.gz"), "{\"body\":\"x\"}\n".repeat(50)
                .getBytes(StandardCharsets.UTF_8)));
        Path truncated = dir.resolve("truncated.jsonl.gz");
        Files.write(truncated, java.util.Arrays.copyOf(gz, 20));
        Path good = write(dir.resolve("good.txt"), "Baik.");

        t.ingestor.ingestPaths(List.of(missing, truncated, good));

        assertThat(t.deadLetters()).extracting(DeadLetter::getReason).containsExactly("unreadable", "unreadable");
        assertThat(t.deadLetters()).extracting(DeadLetter::getOrigin).containsExactly(missing.toString(),
                truncated.toString());
        assertThat(t.deadLetters().get(1).getErrorMessage()).contains("gzip");
        assertThat(t.ingestor.summary().published()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterMalformedFeedXmlWithItsLine() throws Exception {
        Path f = write(dir.resolve("broken.xml"), "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n"
                + "<title>t</title>\n<item><title>a</title></channel>\n</rss>\n");

        t.ingestor.ingestPaths(List.of(f));

        DeadLetter d = onlyDeadLetter();
        assertThat(d.getReason()).isEqualTo("malformed-feed");
        assertThat(d.getOrigin()).isEqualTo(f + ":5");
        assertThat(d.getErrorMessage()).contains("line 5");
        assertThat(text(d.getValue())).startsWith("<?xml");
    }

    @Test
    void shouldDeadLetterAnUnreadablePublicationTime() throws Exception {
        Path f = write(dir.resolve("t.jsonl"), "{\"url\":\"https://x.test/1\",\"body\":\"b\",\"published_at\":\"kemarin\"}");

        t.ingestor.ingestPaths(List.of(f));

        DeadLetter d = onlyDeadLetter();
        assertThat(d.getReason()).isEqualTo("invalid-timestamp");
        assertThat(d.getErrorMessage()).contains(f + ":1").contains("kemarin").contains("ISO-8601");
    }

    @Test
    void shouldDeadLetterBinaryFilesByTheirNulByteEvenWhenTheyAreValidUtf8() throws Exception {
        Path png = dir.resolve("photo.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Path utf16 = dir.resolve("utf16.txt");
        Files.write(utf16, "Berita dalam UTF-16".getBytes(StandardCharsets.UTF_16LE)); // valid UTF-8, full of NULs
        Path good = write(dir.resolve("good.txt"), "Baik.");

        t.ingestor.ingestPaths(List.of(png, utf16, good));

        assertThat(t.deadLetters()).extracting(DeadLetter::getReason).containsExactly("binary", "binary");
        assertThat(t.deadLetters()).extracting(DeadLetter::getOrigin).containsExactly(png.toString(),
                utf16.toString());
        assertThat(t.deadLetters().get(0).getErrorMessage()).contains("NUL byte at offset 8");
        assertThat(t.deadLetters().get(1).getErrorMessage()).contains("NUL byte at offset 1").contains("UTF-16");
        assertThat(t.ingestor.summary().published()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterANulCharacterInTheTextAtIngestNotAtTheSink() throws Exception {
        Path f = write(dir.resolve("nul.jsonl"), String.join("\n",
                "{\"url\":\"https://x.test/1\",\"body\":\"Isi dengan \\u0000 di tengah.\"}",
                "{\"url\":\"https://x.test/2\",\"title\":\"Ju\\u0000dul\",\"body\":\"Isi baik.\"}",
                "{\"url\":\"https://x.test/3\",\"body\":\"Isi yang baik.\"}"));

        t.ingestor.ingestPaths(List.of(f));

        assertThat(t.deadLetters()).extracting(DeadLetter::getReason).containsExactly("invalid-text", "invalid-text");
        assertThat(t.deadLetters()).extracting(DeadLetter::getOrigin).containsExactly(f + ":1", f + ":2");
        assertThat(t.deadLetters().get(0).getErrorMessage()).contains("the body contains a NUL character")
                .contains("offset 11");
        assertThat(t.deadLetters().get(1).getErrorMessage()).contains("the title contains a NUL character");
        assertThat(t.published()).extracting(RawArticle::getUrl).containsExactly("https://x.test/3");
    }

    @Test
    void shouldDeadLetterPublicationTimesNoRecordTimestampCanCarryAndGoOn() throws Exception {
        String soon = java.time.Instant.now().plus(java.time.Duration.ofMinutes(30)).toString();
        Path f = write(dir.resolve("times.jsonl"), String.join("\n",
                "{\"url\":\"https://x.test/1\",\"body\":\"b\",\"published_at\":\"2999-01-01T00:00:00Z\"}",
                "{\"url\":\"https://x.test/2\",\"body\":\"b\",\"published_at\":\"1965-08-17T10:00:00+07:00\"}",
                "{\"url\":\"https://x.test/3\",\"body\":\"b\",\"published_at\":-86400}",
                "{\"url\":\"https://x.test/4\",\"body\":\"b\",\"published_at\":\"" + soon + "\"}",
                "{\"url\":\"https://x.test/5\",\"body\":\"b\",\"published_at\":0}"));
        Path txt = write(dir.resolve("future.txt"), "Published: 2100-01-01\n\nIsi.");

        t.ingestor.ingestPaths(List.of(f, txt)); // a negative timestamp used to throw out of the whole run

        assertThat(t.deadLetters()).extracting(DeadLetter::getReason).containsOnly("invalid-timestamp");
        assertThat(t.deadLetters()).extracting(DeadLetter::getOrigin).containsExactly(f + ":1", f + ":2", f + ":3",
                txt.toString());
        assertThat(t.deadLetters().get(0).getErrorMessage()).contains("2999-01-01T00:00:00Z is in the future");
        assertThat(t.deadLetters().get(1).getErrorMessage()).contains("1965-08-17T03:00:00Z is before 1970");
        assertThat(text(t.deadLetters().get(2).getValue())).isEqualTo("b");
        // a little ahead (clock skew) and the epoch itself are fine
        assertThat(t.published()).extracting(RawArticle::getUrl).containsExactly("https://x.test/4",
                "https://x.test/5");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
