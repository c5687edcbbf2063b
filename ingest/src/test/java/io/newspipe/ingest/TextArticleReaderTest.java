package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextArticleReaderTest {

    private final TextArticleReader reader = new TextArticleReader(1024 * 1024);

    @Test
    void shouldReadTheOptionalHeader() throws Exception {
        String text = "Title: Trump Kecewa\nURL: https://klikanggaran.com/a/1\nSource: klikanggaran.com\n"
                + "Published: 2025-07-06T10:00:00+07:00\nLanguage: id\n\n(KLIKANGGARAN) - Isi.\nBaris dua.\n";
        TextArticle a = reader.read(text.getBytes(StandardCharsets.UTF_8), "a.txt");
        assertThat(a.title()).isEqualTo("Trump Kecewa");
        assertThat(a.url()).isEqualTo("https://klikanggaran.com/a/1");
        assertThat(a.source()).isEqualTo("klikanggaran.com");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-07-06T03:00:00Z"));
        assertThat(a.language()).isEqualTo("id");
        assertThat(a.body()).isEqualTo("(KLIKANGGARAN) - Isi.\nBaris dua.");
    }

    @Test
    void shouldTakeTheWholeFileAsBodyWithoutAHeader() throws Exception {
        String text = "Putin: Rusia Tak Akan Menyerah\n\nBaris kedua.";
        TextArticle a = reader.read(text.getBytes(StandardCharsets.UTF_8), "b.txt");
        assertThat(a.title()).isNull();
        assertThat(a.body()).isEqualTo(text);
    }

    @Test
    void shouldReadTheBundledSample() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("../samples/klikanggaran-trump-putin.txt"));
        TextArticle a = reader.read(bytes, "sample");
        assertThat(a.body()).startsWith("(KLIKANGGARAN) -").contains("Artikel Terkait");
    }

    @Test
    void shouldNameTheLineOfInvalidUtf8() {
        byte[] bytes = "baris satu\nbaris dua \u00e9\nbaris \u00ff tiga".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(bytes, "bad.txt")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad.txt:2").hasMessageContaining("invalid UTF-8")
                .satisfies(e -> assertThat(((BadInputException) e).reason()).isEqualTo("invalid-utf8"));
    }

    @Test
    void shouldRefuseAnEmptyBodyAndOversizeInput() {
        assertThatThrownBy(() -> reader.read("Title: x\n\n  \n".getBytes(StandardCharsets.UTF_8), "e.txt"))
                .hasMessageContaining("no body");
        assertThatThrownBy(() -> new TextArticleReader(10).read(new byte[11], "big.txt"))
                .hasMessageContaining("over the limit of 10 bytes");
    }

    @Test
    void shouldRefuseAnUnreadablePublishedTime() {
        assertThatThrownBy(() -> reader.read("Published: kemarin\n\nIsi".getBytes(StandardCharsets.UTF_8), "t.txt"))
                .hasMessageContaining("Published").hasMessageContaining("ISO-8601");
    }
}
